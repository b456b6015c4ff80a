"""Read logic for Hỏi đáp: the public list, search, one question, the asker's status page.

Other apps call ``search_question_hits`` and ``questions_search_url`` (the site search)."""

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from unionsite.search import SearchHit, whole_word_match

from .models import Question, Topic, normalise_code


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def search_questions(words: list[str], queryset: QuerySet | None = None) -> QuerySet:
    """Published questions with every folded word in the title, question or answer; title
    hits first, then newest. Words come from ``news.selectors.clean_query``."""
    base = Question.objects.published().for_lists() if queryset is None else queryset
    if not words:
        return base
    condition, rank = whole_word_match(
        words, [("search_title", 3)], ["search_text"], phrase_weight=10
    )
    return base.filter(condition).annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def public_questions(*, topic: Topic | None = None, words: list[str] | None = None) -> QuerySet:
    questions = Question.objects.published().for_lists()
    if topic is not None:
        questions = questions.filter(topic=topic)
    return search_questions(words or [], questions)


def search_question_hits(words: list[str], *, limit: int = 10) -> list[SearchHit]:
    """The site search's "Hỏi đáp" kind: the best ``limit`` answered questions (one query)."""
    return [
        SearchHit(
            title=question.public_title,
            url=question.get_absolute_url(),
            text=question.question,
            meta=f"{question.topic.name} · trả lời ngày {question.published_at:%d/%m/%Y}",
        )
        for question in search_questions(words)[:limit]
    ] if words else []  # fmt: skip


def questions_search_url(query: str) -> str:
    return f"{reverse('questions:list')}?{urlencode({'q': query})}"


def question_for_reader(slug: str) -> Question:
    """A published question with its topic and the published documents its answer cites."""
    question = (
        Question.objects.published()
        .select_related("topic")
        .defer("email", "phone", "search_title", "search_text")
        .filter(slug=slug)
        .first()
    )
    if question is None:
        raise Http404("Không tìm thấy câu hỏi.")
    question.cited = list(question.documents.published().select_related("doc_type"))
    return question


def question_by_code(text: str) -> Question:
    """The asker's own question by its reference code (any spacing or case), or 404."""
    code = normalise_code(text)
    question = Question.objects.select_related("topic").filter(code=code).first() if code else None
    if question is None:
        raise Http404("Không có câu hỏi với mã này.")
    question.cited = (
        list(question.documents.published().select_related("doc_type"))
        if question.answered_at
        else []
    )
    return question


def latest_questions(limit: int = 5) -> list[Question]:
    return list(Question.objects.published().for_lists()[:limit])
