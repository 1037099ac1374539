"""Languages beside English: the data folders, detection, and each language's
splitting, terms, datelines and boilerplate, through the public face where
there is one."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import summarize
from summarize import datafiles, languages, scoring
from summarize.boilerplate import is_boilerplate
from summarize.datafiles import read_word_list, word_types
from summarize.languages import declared, detect, resolve, supported
from summarize.layout import find_dateline
from summarize.terms import content_terms, stopwords, surface_forms

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "summarize" / "data"
SAMPLES = ROOT / "samples"
CODES = ("en", "de", "es", "fr", "it", "nl", "pt", "ru")
OTHERS = [code for code in CODES if code != "en"]
REQUIRED = (
    "language.txt", "stopwords.txt", "abbreviations.txt", "nonfinal_abbreviations.txt", "number_abbreviations.txt",
    "titles.txt", "non_names.txt", "sentence_starters.txt", "continuation_words.txt", "conjunctions.txt",
    "speech_verbs.txt",
    "boilerplate.txt", "dangling_openers.txt", "first_person.txt",
)
NEWS_LISTS = ("months.txt", "agencies.txt", "quotes.txt")


# --- the data folders ---------------------------------------------------------


def test_the_supported_languages_are_the_data_folders_english_first():
    assert supported() == CODES
    assert sorted(p.name for p in DATA.iterdir() if (p / "language.txt").is_file()) == sorted(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_every_list(code):
    names = REQUIRED + (NEWS_LISTS if code != "en" else ())
    assert [name for name in names if not (DATA / code / name).is_file()] == []


@pytest.mark.parametrize("code", CODES)
def test_every_language_names_itself_and_a_stemmer(code):
    language = languages.language(code)
    assert language.name[0].isupper() and language.stemmer
    assert (language.stemmer == "porter") == (code == "en")


@pytest.mark.parametrize("code", OTHERS)
def test_stopwords_keep_the_snowball_notice(code):
    head = (DATA / code / "stopwords.txt").read_text(encoding="utf-8")[:3000]
    assert "Copyright (c) 2001, Dr Martin Porter" in head
    assert "Neither the name of the Snowball project" in head


@pytest.mark.parametrize("code", CODES)
def test_stopwords_are_single_lower_case_words(code):
    # Detection reads the lists as they are written (no lower-casing per word).
    entries = read_word_list("stopwords.txt", code)
    assert [w for w in entries if w != w.lower() or len(w.split()) != 1] == []


@pytest.mark.parametrize("code", OTHERS)
@pytest.mark.parametrize("name", ["titles.txt", "nonfinal_abbreviations.txt"])
def test_titles_and_nonfinal_abbreviations_are_abbreviations(code, name):
    assert word_types(name, code) <= word_types("abbreviations.txt", code)


@pytest.mark.parametrize("code", OTHERS)
def test_number_abbreviations_are_not_plain_abbreviations(code):
    assert word_types("number_abbreviations.txt", code) & word_types("abbreviations.txt", code) == set()


@pytest.mark.parametrize("code", OTHERS)
def test_boilerplate_patterns_compile_and_repeat_only_boundedly(code):
    for pattern in read_word_list("boilerplate.txt", code):
        re.compile(pattern)
        body = pattern[2:] if pattern.startswith(".*") else pattern
        # Outside a leading ".*", no "*" or "+": every repetition has a
        # bound, so no pattern can take more than linear time.
        unescaped = re.sub(r"\\.", "", body)
        assert "*" not in unescaped and "+" not in unescaped, pattern


@pytest.mark.parametrize("code", OTHERS)
def test_quotes_are_pairs_of_single_marks(code):
    for entry in read_word_list("quotes.txt", code):
        opening, closing = entry.split()
        assert len(opening) == len(closing) == 1


def test_english_dangling_openers_are_the_scorers_default():
    assert {w.lower() for w in read_word_list("dangling_openers.txt")} == scoring.DANGLING_OPENERS


def test_a_list_a_language_lacks_is_empty():
    assert read_word_list("ordinal_words.txt", "en") == []
    assert read_word_list("ordinal_words.txt", "de") != []


@pytest.fixture
def extra_language(tmp_path, monkeypatch):
    """The package's data folder copied, with one more language, "xx": a
    language.txt and a stopword list, nothing else."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "xx").mkdir()
    (data / "xx" / "language.txt").write_text("name Testish\nstemmer porter\n", encoding="utf-8")
    (data / "xx" / "stopwords.txt").write_text("zo\nva\nmek\n", encoding="utf-8")
    caches = (languages.supported, languages.language, languages._table, datafiles.word_types, datafiles.lower_words)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(datafiles, "data_folder", lambda: data)
    monkeypatch.setattr(languages, "data_folder", lambda: data)
    yield "xx"
    monkeypatch.undo()
    for cache in caches:
        cache.cache_clear()


def test_adding_a_language_is_adding_a_folder(extra_language):
    assert extra_language in supported()
    assert summarize.split_sentences("Zo mek va. Mek zo va.", extra_language) == ["Zo mek va.", "Mek zo va."]
    assert content_terms("zo mek blorp", extra_language) == ["blorp"]


# --- detection ----------------------------------------------------------------

TEXTS = {
    "en": "The city council approved a new network of bike lanes on Tuesday, and the work will start in September.",
    "de": "Der Stadtrat hat am Dienstag ein neues Radwegenetz beschlossen, die Arbeiten sollen im September beginnen.",
    "fr": "Le conseil municipal a adopté mardi un plan de pistes cyclables, et les travaux débuteront en septembre.",
    "es": "El ayuntamiento aprobó el martes una red de carriles bici y las obras empezarán en septiembre.",
    "it": "Il consiglio comunale ha approvato martedì una rete di piste ciclabili e i lavori cominceranno a settembre.",
    "pt": "A câmara municipal aprovou na terça-feira uma rede de ciclovias e as obras começam em setembro.",
    "nl": "De gemeenteraad heeft dinsdag ingestemd met een nieuw netwerk van fietspaden en de werkzaamheden beginnen in september.",
    "ru": "Городской совет во вторник утвердил сеть велодорожек, и работы начнутся в сентябре.",
}


@pytest.mark.parametrize("code", CODES)
def test_a_sentence_of_each_language_is_detected(code):
    assert detect(TEXTS[code]) == languages.Detection(code)


@pytest.mark.parametrize("code", CODES)
def test_an_article_of_each_language_is_detected_by_the_quick_look_or_the_full_vote(code):
    # Longer than the quick look's sample: the first 300 characters decide, or the first 1000.
    text = " ".join([TEXTS[code]] * 6)
    assert detect(text) == languages.Detection(code)


@pytest.mark.parametrize(
    "text, why",
    [
        ("Mae hi wedi bod yn bwrw glaw drwy’r dydd heddiw, ac roedd y plant yn drist oherwydd nad oedden nhw’n "
         "gallu chwarae y tu allan.", "few of its words are function words of English, German"),
        ("Rząd ogłosił w poniedziałek nowe przepisy podatkowe. Mają one wejść w życie od stycznia przyszłego roku, "
         "poinformował minister.", "few of its words are function words"),
        ("我们去公园。天气很好。我们很高兴。今天是星期天，我们一起去公园散步。", "written in Chinese or Japanese script"),
        ("Η κυβέρνηση ανακοίνωσε νέους φορολογικούς κανόνες για τον επόμενο χρόνο.", "written in Greek script"),
        ("Уряд оголосив нові правила щодо податків, які набудуть чинності з наступного року.",
         "written in Cyrillic, but not in Russian"),
        ("Правителството обяви нови правила за данъците, които ще влязат в сила от следващата година, каза министърът.",
         "written in Cyrillic, but not in Russian"),
    ],
    ids=["welsh", "polish", "chinese", "greek", "ukrainian", "bulgarian"],
)
def test_an_unsupported_language_is_read_as_english_with_a_note(text, why):
    detection = detect(text)
    assert (detection.language, detection.supported) == ("en", False)
    assert detection.note.startswith(f"the text does not look like a supported language ({why}")
    assert detection.note.endswith("); read as English")


@pytest.mark.parametrize("text", ["", "Hello.", "El gobierno.", "12 345", "Mercedes-Benz C 200 (W205)"])
def test_weak_evidence_is_english_without_a_note(text):
    assert detect(text) == languages.Detection("en", confident=False)


@pytest.mark.parametrize(
    "tag, code",
    [("fr", "fr"), ("en-US", "en"), ("pt_BR", "pt"), ("DE", "de"), (" nl ", "nl"), ("cy", None), ("", None), (7, None)],
)
def test_a_declared_language_tag_names_a_supported_code(tag, code):
    assert declared(tag) == code


def test_resolve_prefers_the_code_asked_then_the_declared_one_then_detection():
    german = TEXTS["de"]
    assert resolve(german, "fr", "it").language == "fr"
    assert resolve(german, "auto", "it").language == "it"
    assert resolve(german, "auto", "cy").language == "de"  # an unsupported declaration: detected
    assert resolve(german).language == "de"


def test_an_unknown_code_is_refused_naming_the_supported_ones():
    with pytest.raises(ValueError, match=r"unknown language 'xx': use auto or one of en, de, es, fr, it, nl, pt, ru$"):
        resolve("text", "xx")


# --- the public face ----------------------------------------------------------


def test_summarize_reports_the_language_it_used():
    assert summarize.summarize(TEXTS["de"] + " " + TEXTS["de"], sentences=1).language == "de"
    assert summarize.summarize(TEXTS["de"], sentences=1, language="en").language == "en"


def test_summarize_refuses_an_unknown_language():
    with pytest.raises(ValueError, match="unknown language 'klingon'.*en, de"):
        summarize.summarize(TEXTS["en"], language="klingon")


def test_split_sentences_detects_the_language_unless_told():
    text = "Das Treffen ist am 13. Mai in der Stadt. Dann gehen wir alle gemeinsam nach Hause."
    assert summarize.split_sentences(text) == ["Das Treffen ist am 13. Mai in der Stadt.", "Dann gehen wir alle gemeinsam nach Hause."]
    assert summarize.split_sentences(text, "en") == ["Das Treffen ist am 13.", "Mai in der Stadt.", "Dann gehen wir alle gemeinsam nach Hause."]
    with pytest.raises(ValueError, match="unknown language"):
        summarize.split_sentences(text, "german")


# --- splitting ------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        # rule ordinal
        ("de", "Die Arbeiten dauern vom 2. Juli bis 13. August. Dann ist Pause.",
         ["Die Arbeiten dauern vom 2. Juli bis 13. August.", "Dann ist Pause."]),
        ("de", "Die Mauer stammt aus dem 15. Jahrhundert. Sie ist alt.",
         ["Die Mauer stammt aus dem 15. Jahrhundert.", "Sie ist alt."]),
        ("de", "Das Restaurant im 6. Stock ist gut. Er kam im Jahr 2005. Dann ging er.",
         ["Das Restaurant im 6. Stock ist gut.", "Er kam im Jahr 2005.", "Dann ging er."]),
        ("de", "Er verwies auf § 13 Abs. 2 der Ordnung. Das reicht.",
         ["Er verwies auf § 13 Abs. 2 der Ordnung.", "Das reicht."]),
        ("de", "Das gilt z. B. für Berlin. Es kostet ca. 40 Mio. Euro.",
         ["Das gilt z. B. für Berlin.", "Es kostet ca. 40 Mio. Euro."]),
        # German quotes: the closing mark stays with its sentence
        ("de", "Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
        # name-exclamation with a capital beyond ASCII
        ("de", "Er rief Österreich! und ging.", ["Er rief Österreich! und ging."]),
        # rule quote-pairs: the opening guillemet starts the next sentence
        ("fr", "Le pont tient par des câbles. « Tu es donc las ? » dit-il. Puis il part.",
         ["Le pont tient par des câbles.", "« Tu es donc las ? » dit-il.", "Puis il part."]),
        # rule opening-typography: a title glued to an opening guillemet or quote
        ("fr", "«M. Bovary est arrivé, dit-elle. Il attend.", ["«M. Bovary est arrivé, dit-elle.", "Il attend."]),
        ("de", "„Dr. Müller kommt heute“, sagte sie. Er kam.", ["„Dr. Müller kommt heute“, sagte sie.", "Er kam."]),
        ("de", "Sie kam »Dr. Weber« zuliebe. Er kam.", ["Sie kam »Dr. Weber« zuliebe.", "Er kam."]),
        # rule elided-abbreviation
        ("fr", "M. Dupont a rappelé que l'art. 12 s'applique. Il aime l'art. Puis il part.",
         ["M. Dupont a rappelé que l'art. 12 s'applique.", "Il aime l'art.", "Puis il part."]),
        # rule glued-end with letters beyond ASCII
        ("fr", "Il est arrivé l'été.Le lendemain il partit.", ["Il est arrivé l'été.", "Le lendemain il partit."]),
        ("ru", "Он приехал летом.Потом уехал.", ["Он приехал летом.", "Потом уехал."]),
        # rule opening-mark: ¿ and ¡ open a sentence, even after an abbreviation
        ("es", "Compró frutas, verduras, etc. ¿Qué más? ¡Nada!", ["Compró frutas, verduras, etc.", "¿Qué más?", "¡Nada!"]),
        ("es", "La Sra. García llegó ayer. El Dr. Ruiz no.", ["La Sra. García llegó ayer.", "El Dr. Ruiz no."]),
        ("it", "Il Sig. Rossi, ad es. ieri, è arrivato. Poi è partito.", ["Il Sig. Rossi, ad es. ieri, è arrivato.", "Poi è partito."]),
        ("pt", "O Sr. Silva chegou. A Dra. Costa também.", ["O Sr. Silva chegou.", "A Dra. Costa também."]),
        ("nl", "Dhr. Jansen kwam o.a. gisteren. Het was laat.", ["Dhr. Jansen kwam o.a. gisteren.", "Het was laat."]),
        ("ru", "Он уехал в 1990 г. Потом вернулся. См. главу 3.", ["Он уехал в 1990 г.", "Потом вернулся.", "См. главу 3."]),
    ],
)
def test_language_facts_in_splitting(code, text, expected):
    assert summarize.split_sentences(text, code) == expected


def test_english_abbreviations_do_not_apply_to_other_languages():
    # "sept." is September in English; in French "sept" is seven.
    assert summarize.split_sentences("Ils sont sept. Puis ils partent.", "fr") == ["Ils sont sept.", "Puis ils partent."]


# --- terms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("fr", "L'homme est arrivé à l'hôpital, dit-il.", ["homm", "arriv", "hôpital"]),
        ("it", "L'uomo è arrivato dall'ospedale.", ["uom", "arriv", "ospedal"]),
        ("de", "Die Arbeiten haben begonnen, sagte er.", ["arbeit", "begonn"]),
        ("es", "Los trabajos empezarán en septiembre.", ["trabaj", "empez", "septiembr"]),
        ("ru", "Президент заявил, что правительство работает.", ["президент", "правительств", "работа"]),
    ],
)
def test_content_terms_drop_function_words_and_stem(code, text, expected):
    assert content_terms(text, code) == expected


def test_english_keeps_porter_stems():
    assert content_terms("The donors transplanted kidneys") == ["donor", "transplant", "kidney"]


def test_surface_forms_drop_elided_articles():
    assert surface_forms(["L'Homme et l'homme."], None, "fr") == {"homm": "Homme"}


@pytest.mark.parametrize("code", OTHERS)
def test_the_commonest_function_words_are_stopwords(code):
    words = {"de": "der die und", "fr": "le la les de", "es": "el la de que", "it": "il di che la",
             "pt": "o a de que", "nl": "de het een van", "ru": "и в не на"}[code]
    assert set(words.split()) <= stopwords(code)


# --- layout and boilerplate -------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, dateline",
    [
        ("ru", "МОСКВА, 5 мая – РИА Новости. Президент заявил", "МОСКВА, 5 мая – РИА Новости"),
        ("ru", "МОСКВА, 5 мая. /ТАСС/. Президент заявил", "МОСКВА, 5 мая. /ТАСС/"),
        ("fr", "PARIS, 5 mai (AFP) - Le gouvernement", "PARIS, 5 mai (AFP)"),
        ("fr", "ÉVRY — La mairie a voté", "ÉVRY"),
        ("en", "ÉVRY -- The mayor said", "ÉVRY"),
        ("es", "Madrid, 5 may (EFE).- El Gobierno", "Madrid, 5 may (EFE)"),
        ("it", "(ANSA) - ROMA, 5 MAG - Il governo", "(ANSA) - ROMA, 5 MAG"),
        ("de", "MÜNCHEN (dpa) – Die Polizei", "MÜNCHEN (dpa)"),
        ("de", "Berlin, 5. Mai (dpa) - Die Regierung", "Berlin, 5. Mai (dpa)"),
        ("de", "MÜNCHEN. Der Stadtrat", "MÜNCHEN."),
        ("pt", "LISBOA, 5 mai (Lusa) - O Governo", "LISBOA, 5 mai (Lusa)"),
        ("nl", "DEN HAAG (ANP) - Het kabinet", "DEN HAAG (ANP)"),
        ("de", "Merkel (CDU) sagte am Montag", None),
        ("fr", "Macron (LREM) a dit lundi", None),
        ("fr", "PARIS. Le gouvernement", None),  # a place and a full stop: German and Dutch papers only
    ],
)
def test_datelines(code, text, dateline):
    assert find_dateline(text, 0, code)[0] == dateline


@pytest.mark.parametrize(
    "code, sentence",
    [
        ("de", "Lesen Sie auch: Wie andere Städte den Radverkehr fördern"),
        ("fr", "Lire aussi : Comment d'autres villes encouragent le vélo"),
        ("fr", "© 2024 Le Journal. Tous droits réservés."),
        ("es", "Leer más: Cómo otras ciudades fomentan la bicicleta"),
        ("it", "Riproduzione riservata © Copyright ANSA"),
        ("pt", "Leia mais: Como outras cidades incentivam a bicicleta"),
        ("nl", "Lees ook: Hoe andere steden het fietsen stimuleren"),
        ("ru", "Читайте также: Как другие города поддерживают велосипедистов"),
    ],
)
def test_boilerplate_of_each_language(code, sentence):
    assert is_boilerplate(sentence, code)


@pytest.mark.parametrize("code", OTHERS)
def test_a_plain_sentence_is_not_boilerplate(code):
    assert not is_boilerplate(TEXTS[code], code)


# --- the sample articles, whole -------------------------------------------------------

LANGUAGE_SAMPLES = sorted(SAMPLES.glob("[a-z][a-z]-*.txt"))


def test_there_is_a_sample_in_every_language_but_english():
    assert sorted(p.name[:2] for p in LANGUAGE_SAMPLES) == sorted(OTHERS)


@pytest.mark.parametrize("path", LANGUAGE_SAMPLES, ids=lambda p: p.name)
def test_sample_articles_are_detected_and_laid_out(path):
    summary = summarize.summarize(path.read_text(encoding="utf-8"), sentences=2, keywords=5, explain=True)
    assert summary.language == path.name[:2]
    assert summary.title and summary.dateline
    last = summary.all_sentences[-1]
    assert last.score == 0 and not last.selected  # the closing "read also" or copyright line is page furniture
    keywords = {k.term.lower() for k in summary.keywords}
    assert len(keywords) == 5 and not keywords & stopwords(summary.language)


def test_the_stored_detection_table_is_the_lists_today():
    # scripts/detection_table.py writes it; a stale table is never used
    # (detection reads the lists instead), but start-up pays for that.
    assert (DATA / languages.TABLE_FILE).read_text(encoding="utf-8") == languages.table_text()


def test_a_stale_detection_table_is_not_used(extra_language):
    # extra_language added a folder: the table no longer names every language.
    assert languages._stored_regions(supported()) is None
    assert detect(TEXTS["de"]).language == "de"
