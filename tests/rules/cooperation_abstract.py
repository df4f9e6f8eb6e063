"""A clean EN/KK/RU abstract full of numbers and names, shared by the numbers and names rule tests."""

EN = [
    "This article examines cooperation between Kazakhstan and the European Union after 1991.",
    "The author interviewed twelve diplomats in Astana and Brussels.",
    "The survey covered 1,200 respondents in 2019, and trust in the European Union rose from 34% to 41%.",
    "Kazakhstan's close relations with Russia and China are shown to be an asset for Europe.",
    "The idea of Eurasianism is traced from Lev Gumilev to Olzhas Suleimenov.",
]
KK = [
    "Мақалада 1991 жылдан кейінгі Қазақстан мен Еуропалық Одақ арасындағы ынтымақтастық қарастырылады.",
    "Автор Астана мен Брюссельде он екі дипломатпен сұхбат жүргізді.",
    "Сауалнамаға 2019 жылы 1 200 респондент қатысты, Еуропалық Одаққа деген сенім 34%-дан 41%-ға дейін өсті.",
    "Қазақстанның Ресеймен және Қытаймен тығыз қарым-қатынасы Еуропа үшін артықшылық екені көрсетілген.",
    "Еуразияшылдық идеясы Лев Гумилевтен Олжас Сүлейменовке дейін қарастырылады.",
]
RU = [
    "В статье рассматривается сотрудничество Казахстана и Европейского союза после 1991 года.",
    "Автор взял интервью у двенадцати дипломатов в Астане и Брюсселе.",
    "В опросе 2019 года приняли участие 1 200 респондентов, а доверие к Европейскому союзу выросло с 34 % до 41 %.",
    "Показано, что тесные отношения Казахстана с Россией и Китаем являются преимуществом для Европы.",
    "Идея евразийства прослеживается от Льва Гумилёва до Олжаса Сулейменова.",
]


def abstracts(en: list[str] = EN, kk: list[str] = KK, ru: list[str] = RU) -> dict[str, str]:
    return {"en": " ".join(en), "kk": " ".join(kk), "ru": " ".join(ru)}


def replaced(sentences: list[str], index: int, sentence: str) -> list[str]:
    return [*sentences[:index], sentence, *sentences[index + 1 :]]
