"""The Python API on every input format: the same blocks whatever the file type."""

from __future__ import annotations

from pathlib import Path

import docx

from align import detect, detect_paths

EN = "This article studies cooperation between Kazakhstan and Europe. It finds that trade matters most."
KK = "Мақалада Қазақстан мен Еуропаның ынтымақтастығы зерттеледі. Сауданың маңызы зор екені анықталды."
RU = "В статье изучается сотрудничество Казахстана и Европы. Установлено, что важнее всего торговля."


def _assert_three_languages(detection) -> None:
    assert detection.missing == ()
    for lang in ("en", "kk", "ru"):
        assert len(detection.block(lang, "abstract").sentences) == 2
        assert len(detection.block(lang, "keywords").keywords) == 2
        assert detection.block(lang, "title") is not None


def test_docx(tmp_path: Path) -> None:
    document = docx.Document()
    for title, label, abstract, kw_label, keywords in [
        ("Kazakhstan and Europe", "Abstract.", EN, "Keywords:", "Kazakhstan, Europe"),
        ("Қазақстан және Еуропа", "Аңдатпа.", KK, "Түйін сөздер:", "Қазақстан, Еуропа"),
        ("Казахстан и Европа", "Аннотация.", RU, "Ключевые слова:", "Казахстан, Европа"),
    ]:
        document.add_heading(title, level=1)
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(" " + abstract)
        document.add_paragraph(f"{kw_label} {keywords}")
    document.add_heading("Introduction", level=1)
    document.add_paragraph("Kazakhstan is a large country. It borders Russia and China.")
    path = tmp_path / "paper.docx"
    document.save(str(path))
    detection = detect(path)
    _assert_three_languages(detection)
    assert detection.document.format == "docx"
    assert detection.block("kk", "title").text == "Қазақстан және Еуропа"


def test_jats(tmp_path: Path) -> None:
    path = tmp_path / "paper.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<article xml:lang="en"><front><article-meta>
<title-group><article-title>Kazakhstan and Europe</article-title>
<trans-title-group xml:lang="kk"><trans-title>Қазақстан және Еуропа</trans-title></trans-title-group>
<trans-title-group xml:lang="ru"><trans-title>Казахстан и Европа</trans-title></trans-title-group></title-group>
<abstract xml:lang="en"><p>{EN}</p></abstract>
<trans-abstract xml:lang="kk"><p>{KK}</p></trans-abstract>
<trans-abstract xml:lang="ru"><p>{RU}</p></trans-abstract>
<kwd-group xml:lang="en"><kwd>Kazakhstan</kwd><kwd>Europe</kwd></kwd-group>
<kwd-group xml:lang="kk"><kwd>Қазақстан</kwd><kwd>Еуропа</kwd></kwd-group>
<kwd-group xml:lang="ru"><kwd>Казахстан</kwd><kwd>Европа</kwd></kwd-group>
</article-meta></front><body><p>Body text is not front matter.</p></body></article>
""",
        encoding="utf-8",
    )
    detection = detect(path)
    _assert_three_languages(detection)
    assert detection.block("ru", "title").text == "Казахстан и Европа"
    assert detection.block("kk", "abstract").label_lang == "kk"


def test_jats_declared_language_is_kept_beside_the_detected_one(tmp_path: Path) -> None:
    path = tmp_path / "paper.xml"
    path.write_text(
        f'<article><front><article-meta><trans-abstract xml:lang="kk"><p>{RU}</p></trans-abstract>'
        "</article-meta></front></article>",
        encoding="utf-8",
    )
    block = detect(path).block("ru", "abstract")
    assert (block.lang, block.label_lang) == ("ru", "kk")


def test_legacy_encodings_give_the_same_blocks(tmp_path: Path) -> None:
    text = f"Аннотация. {RU}\n\nКлючевые слова: Казахстан, Европа.\n"
    for encoding in ("cp1251", "koi8-r", "utf-16"):
        path = tmp_path / f"paper-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        detection = detect(path)
        assert detection.document.encoding.replace("_", "-").startswith(encoding.split("-")[0])
        assert detection.block("ru", "keywords").keywords == ("Казахстан", "Европа")


def test_detect_paths_collects_errors_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"Abstract. {EN}\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    detections, errors = detect_paths([empty, good, tmp_path / "missing.txt"])
    assert [Path(d.document.path).name for d in detections] == ["good.txt"]
    assert sorted(Path(e.path).name for e in errors) == ["empty.txt", "missing.txt"]
