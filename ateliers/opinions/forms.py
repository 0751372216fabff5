"""Forms of the opinion map: open a conversation, write a statement, vote, review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ateliers.core import fields
from ateliers.core.errors import ApplicationError
from ateliers.core.forms import run_validator
from ateliers.core.once import SubmitOnceForm

from . import services
from .models import QUESTION_LENGTH, STATEMENT_LENGTH, Conversation, Statement

VOTE_CHOICES = [("agree", _("Agree")), ("disagree", _("Disagree")), ("pass", _("Pass"))]
VOTE_VALUES = {"agree": 1, "disagree": -1, "pass": 0}
# Where a vote leads back to: the next statement, or the list of one's votes.
BACK_CHOICES = [("next", "next"), ("mine", "mine")]


class ConversationForm(SubmitOnceForm):
    question = fields.NameField(
        label=_("Question"),
        max_length=QUESTION_LENGTH,
        help_text=_("What the participants give their opinion on, in one sentence."),
    )
    description = fields.TextField(
        label=_("Context"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text=_("Optional: what participants should know before they vote."),
    )
    review = forms.ChoiceField(
        label=_("Statements written by participants are"),
        choices=Conversation.Review.choices,
        widget=forms.RadioSelect,
        initial=Conversation.Review.BEFORE,
    )
    seeds = fields.TextField(
        label=_("Seed statements"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=20_000,
        help_text=_(
            "One statement per line, 140 characters at most each: the first statements "
            "participants vote on. Write statements people can agree or disagree with."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            run_validator(
                self,
                services.validate_conversation_fields,
                question=cleaned["question"],
                review=cleaned["review"],
                seeds=services.seed_lines(cleaned.get("seeds") or ""),
            )
        return cleaned

    def conversation_values(self) -> dict:
        data = self.cleaned_data
        return {
            "question": data["question"],
            "description": data.get("description") or "",
            "review": data["review"],
            "seeds": services.seed_lines(data.get("seeds") or ""),
        }


class StatementForm(SubmitOnceForm):
    text = fields.TextField(
        label=_("Your statement"),
        max_length=STATEMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": STATEMENT_LENGTH}),
        help_text=_(
            "140 characters at most. One idea, that others can agree or disagree with. "
            "It is shown without your name."
        ),
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        try:
            return services.clean_statement(text)
        except ApplicationError as error:
            raise forms.ValidationError(error.messages) from None


class VoteForm(forms.Form):
    statement = fields.ModelChoiceField(
        label=_("Statement"), queryset=Statement.objects.none(), widget=forms.HiddenInput
    )
    vote = forms.ChoiceField(label=_("Your vote"), choices=VOTE_CHOICES)
    back = forms.ChoiceField(choices=BACK_CHOICES, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, conversation: Conversation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if conversation is not None:
            self.fields["statement"].queryset = Statement.objects.filter(conversation=conversation)

    @property
    def value(self) -> int:
        return VOTE_VALUES[self.cleaned_data["vote"]]


class ReviewForm(forms.Form):
    statement = fields.ModelChoiceField(
        label=_("Statement"), queryset=Statement.objects.none(), widget=forms.HiddenInput
    )
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accept", _("Accept")), ("reject", _("Reject"))]
    )
    reason = fields.TextField(
        label=_("Why it is rejected"),
        required=False,
        max_length=services.REASON_LENGTH,
        help_text=_("Needed to reject: its author reads it."),
    )

    def __init__(self, *args, conversation: Conversation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if conversation is not None:
            self.fields["statement"].queryset = Statement.objects.filter(conversation=conversation)

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            run_validator(
                self,
                services.validate_rejection,
                decision=cleaned["decision"],
                reason=cleaned.get("reason") or "",
            )
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Polis export (.zip)"),
        widget=forms.FileInput(attrs={"accept": ".zip,application/zip"}),
        help_text=_(
            "The folder Polis exports (comments.csv, participants-votes.csv and, if it is "
            "there, votes.csv), zipped. 50 MB at most."
        ),
    )
    question = fields.NameField(
        label=_("Question"),
        max_length=QUESTION_LENGTH,
        required=False,
        help_text=_("The question the conversation asked; empty: the file's name."),
    )
