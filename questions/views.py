"""Reader pages of Hỏi đáp (``/hoi-dap/``) and the feedback form (``/gop-y/``)."""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from documents.selectors import open_for_comment
from news.selectors import clean_query, paginate
from unionsite.search import strip_control_characters

from . import guard, selectors, services
from .forms import FeedbackForm, QuestionForm
from .models import Topic, normalise_code

PER_PAGE = 15


@require_safe
def question_list(request, topic_slug=None):
    topic = get_object_or_404(Topic, slug=topic_slug) if topic_slug else None
    query, words = clean_query(strip_control_characters(request.GET.get("q", "")))
    questions = selectors.public_questions(topic=topic, words=words)
    page = paginate(questions, request.GET.get("page"), per_page=PER_PAGE)
    return render(
        request,
        "questions/question_list.html",
        {
            "topic": topic,
            "topics": selectors.topics(),
            "query": query,
            "page_obj": page,
            # The trimmed query, not the raw one (which may be a megabyte long).
            "query_prefix": f"?{urlencode({'q': query})}&" if query else "?",
        },
    )


@require_safe
def question_detail(request, slug):
    return render(
        request,
        "questions/question_detail.html",
        {"question": selectors.question_for_reader(slug)},
    )


def _private(response, *, referrer: str = "same-origin"):
    # The status page and the forms are one person's: never in a shared cache. The status
    # page is never sent as a Referer (the code is in its address). The forms must keep
    # "same-origin": under "no-referrer" a browser posts them with "Origin: null", which
    # Django's CSRF check refuses (tests/browser/test_questions.py found it).
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = referrer
    return response


def _submit(request, form, *, form_name: str, store):
    """Run the guards and the form, then ``store`` (returning ``(record, created)``). Returns
    ``(stored, refusal)``: both None when the form has errors to show."""
    try:
        guard.check_attempts(request, form_name)
        if not form.is_valid():
            return None, None
        reservation = guard.reserve(request, form_name)
    except guard.Refused as refused:
        return None, refused
    stored = store()
    if not stored[1]:
        guard.release(reservation)
    return stored, None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    refused = None
    if request.method == "POST":
        form = QuestionForm(request.POST)

        def store():
            return services.submit_question(nonce=form.nonce, **form.question_fields())

        stored, refused = _submit(request, form, form_name="question", store=store)
        if stored is not None:
            question, _created = stored
            return redirect(f"{question.get_status_url()}?moi=1")
        if refused is not None:
            form = QuestionForm(initial=_kept(form))
    else:
        form = QuestionForm()
    status = refused.status if refused else (400 if form.is_bound else 200)
    context = {"form": form, "refused": refused}
    return _private(render(request, "questions/ask.html", context, status=status))


def _kept(form) -> dict:
    """What the person typed, to show again in a fresh form (with a new token) after a
    refusal, so nobody types a long question twice."""
    keep = set(form.fields) - {"token", "website"}
    return {name: form.data.get(name, "") for name in keep}


@never_cache
@require_safe
def status(request, code):
    question = selectors.question_by_code(code)
    context = {"question": question, "just_sent": request.GET.get("moi") == "1"}
    return _private(render(request, "questions/status.html", context), referrer="no-referrer")


@require_safe
def status_lookup(request):
    """The "tra cứu" form: a typed code goes to its status page."""
    typed = strip_control_characters(request.GET.get("ma", ""))[:40]
    if typed:
        code = normalise_code(typed)
        if code:
            return redirect("questions:status", code=code)
    context = {"typed": typed, "invalid": bool(typed)}
    return render(request, "questions/lookup.html", context, status=400 if typed else 200)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request):
    drafts = open_for_comment()
    refused = None
    if request.method == "POST":
        form = FeedbackForm(request.POST, drafts=drafts)

        def store():
            return services.submit_feedback(nonce=form.nonce, **form.feedback_fields())

        stored, refused = _submit(request, form, form_name="feedback", store=store)
        if stored is not None:
            return redirect("questions:feedback-sent")
        if refused is not None:
            form = FeedbackForm(initial=_kept(form), drafts=drafts)
    else:
        initial = {}
        slug = request.GET.get("van-ban", "")
        document = drafts.filter(slug=slug).first() if slug else None
        if document is not None:
            initial["document"] = document.pk
            initial["subject"] = f"Góp ý dự thảo: {document.title[:150]}"
        form = FeedbackForm(initial=initial, drafts=drafts)
    status = refused.status if refused else (400 if form.is_bound else 200)
    context = {"form": form, "refused": refused}
    return _private(render(request, "questions/feedback.html", context, status=status))


@require_safe
def feedback_sent(request):
    return render(request, "questions/feedback_sent.html")
