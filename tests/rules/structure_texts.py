"""A short scholarly abstract in English, Kazakh and Russian, sentence by sentence, for the structure rules' tests."""

EN = [
    "This article examines how universities in Kazakhstan have adopted trilingual education since 2011.",
    "The study draws on a survey of 1,200 students and interviews with 35 lecturers from six regions.",
    "Most respondents support teaching in Kazakh, Russian and English, but they point to a shortage of "
    "qualified teachers.",
    "Students in rural areas report fewer opportunities to practise English outside the classroom.",
    "The authors propose measures to train lecturers and to develop bilingual textbooks.",
]
KK = [
    "Мақалада Қазақстан университеттерінің 2011 жылдан бері үштілді білім беруді қалай енгізгені қарастырылады.",
    "Зерттеу алты өңірдегі 1200 студент арасында жүргізілген сауалнамаға және 35 оқытушымен жүргізілген "
    "сұхбатқа негізделген.",
    "Респонденттердің көпшілігі қазақ, орыс және ағылшын тілдерінде оқытуды қолдайды, бірақ білікті "
    "оқытушылардың жетіспейтінін атап өтеді.",
    "Ауылдық жерлердегі студенттер ағылшын тілін сыныптан тыс жерде қолдану мүмкіндіктерінің аз екенін айтады.",
    "Авторлар оқытушыларды даярлау және екі тілді оқулықтар әзірлеу бойынша шаралар ұсынады.",
]
RU = [
    "В статье рассматривается, как университеты Казахстана внедряют трехъязычное образование с 2011 года.",
    "Исследование основано на опросе 1200 студентов и интервью с 35 преподавателями из шести регионов.",
    "Большинство респондентов поддерживают обучение на казахском, русском и английском языках, но указывают "
    "на нехватку квалифицированных преподавателей.",
    "Студенты из сельских районов отмечают, что у них меньше возможностей практиковать английский язык вне аудитории.",
    "Авторы предлагают меры по подготовке преподавателей и разработке двуязычных учебников.",
]
TEXTS = {"en": EN, "kk": KK, "ru": RU}


def abstracts(**changed: list[str]) -> dict[str, str]:
    """The three abstracts as paragraphs, with the sentence lists of ``changed`` languages replaced."""
    return {lang: " ".join(changed.get(lang, sentences)) for lang, sentences in TEXTS.items()}
