"""Content terms: the words a sentence is scored by."""
from summarize.terms import content_terms, stopwords, words


def test_words_are_lower_cased_and_punctuation_dropped():
    assert words("Hello, World! It's 3.5 km.") == ["hello", "world", "it's", "3.5", "km"]


def test_stopwords_numbers_and_single_letters_are_not_terms():
    assert content_terms("The 12 donors said a kidney was given") == ["donor", "kidney", "given"]


def test_terms_are_porter_stems_so_inflections_match():
    assert content_terms("donors") == content_terms("donor")
    assert content_terms("transplanted") == content_terms("transplanting")


def test_possessive_is_dropped_before_stemming():
    assert content_terms("Broussard's kidney") == content_terms("Broussard kidney")


def test_reporting_verbs_are_stopwords_in_news():
    # "said" is the most frequent content word of most news stories; as a
    # term it would favour every attributed sentence.
    assert {"said", "says", "told"} <= stopwords()


def test_surface_form_is_the_most_frequent_spelling_of_the_stem():
    from summarize.terms import surface_forms

    forms = surface_forms(["Talks began.", "He talked.", "The talks ended.", "More talks."])
    assert forms["talk"] == "talks"


def test_surface_form_keeps_case_and_drops_the_possessive():
    from summarize.terms import surface_forms

    assert surface_forms(["Paris's mayor met Paris officials."])["pari"] == "Paris"


def test_surface_form_tie_goes_to_the_first_spelling():
    from summarize.terms import surface_forms

    assert surface_forms(["Donors wait.", "A donor waits."])["donor"] == "Donors"
