"""Small modal dialogs shared by the steps: confirm, a form of text fields, a choice.

Every dialog of the app follows the same rules: Enter is OK (from any one-line field
too), Escape or Ctrl+G closes it without a change (the app reads Ctrl+G as Escape, since
a bare Escape can be slow or swallowed over SSH and in tmux), and no letter closes it:
someone may be typing that letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static

from tpworkshop.domain.model import clean
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.display import content, content_line, visible, visible_line
from tpworkshop.tui.widgets.text_input import TextInput


def _lang(screen: ModalScreen[Any]) -> str:
    return cast(str, getattr(screen.app, "lang", "en"))


class ConfirmDialog(TranslatedBindings[bool], ModalScreen[bool]):
    """Yes/No. The language's yes letter (Y, or S for «Sí») or Enter on Yes confirms; N,
    Escape or Ctrl+G cancels."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm_letter('y')", "key.confirm"),
        Binding("s", "confirm_letter('s')", "key.confirm"),
        Binding("n,escape,ctrl+g", "answer(False)", "key.cancel"),
    ]

    def __init__(self, message: str, *, danger: bool = True) -> None:
        super().__init__()
        self.message = message
        self.danger = danger

    def compose(self) -> ComposeResult:
        lang = _lang(self)
        with Vertical(classes="dialog"):
            yield Label(UI("confirm.title", lang), classes="dialog-title")
            yield Static(content(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    UI("yes.button", lang),
                    id="yes",
                    variant="error" if self.danger else "primary",
                )
                yield Button(UI("no.button", lang), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_confirm_letter(self, letter: str) -> None:
        self.dismiss(True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only this language's yes letter confirms: S (es) must not delete in English."""
        if action == "confirm_letter":
            return parameters[0] == UI("yes.letter", _lang(self))
        return True


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""


def model_check(lang: str, **fields: tuple[str, str]) -> Callable[[dict[str, str]], str | None]:
    """A FormDialog ``validate``: each dialog field checked as the model checks it when
    stored (``name=("stage", "name")``), the first error as the model words it in ``lang``."""

    def validate(values: dict[str, str]) -> str | None:
        try:
            for key, (entity, field) in fields.items():
                clean(entity, field, values[key])
        except ValidationError as error:
            return error.message(lang)
        return None

    return validate


class FormDialog(TranslatedBindings[dict[str, str] | None], ModalScreen[dict[str, str] | None]):
    """A few one-line fields. ``validate`` returns an error sentence or None.

    On error the sentence shows inline, the dialog stays open, and nothing is saved.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "key.cancel"),
        Binding("ctrl+s", "submit", "key.confirm"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        validate: Callable[[dict[str, str]], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.validate = validate

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(content(self.title_text), classes="dialog-title")
            for f in self.fields:
                yield Label(content(f.label), classes="field-label")
                yield TextInput(
                    value=visible(f.value),
                    placeholder=visible_line(f.placeholder),
                    id=f"field-{f.name}",
                    name=f.label,
                    compact=True,
                )
            yield Static("", id="dialog-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(UI("ok.button", _lang(self)), id="ok", variant="primary")
                yield Button(UI("cancel.button", _lang(self)), id="cancel")

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}", Input).focus()

    def values(self) -> dict[str, str]:
        return {f.name: self.query_one(f"#field-{f.name}", Input).value for f in self.fields}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter is OK from any field, as the button says (Tab goes to the next field)."""
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        values = self.values()
        error = self.validate(values) if self.validate else None
        if error:
            self.query_one("#dialog-error", Static).update(content(error))
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(TranslatedBindings[list[str] | None], ModalScreen[list[str] | None]):
    """Pick one or several options (Space toggles, Enter confirms)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "key.cancel"),
        Binding("enter,ctrl+s", "submit", "key.confirm", priority=True),
    ]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, str]],
        *,
        selected: Sequence[str] = (),
        multiple: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.options = list(options)
        self.selected = set(selected)
        self.multiple = multiple

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(content(self.title_text), classes="dialog-title")
            yield SelectionList[str](
                *[
                    (content_line(label), value, value in self.selected)
                    for value, label in self.options
                ],
                id="choices",
            )

    def on_mount(self) -> None:
        choices = self.query_one(SelectionList)
        values = [value for value, _ in self.options]
        start = next((values.index(v) for v in values if v in self.selected), 0)
        if values:
            choices.highlighted = start
        choices.focus()

    def action_submit(self) -> None:
        """Several: the ticked options. One: the highlighted option (Enter picks it)."""
        choices = self.query_one(SelectionList)
        if self.multiple:
            self.dismiss(list(choices.selected))
        elif choices.highlighted is not None:
            self.dismiss([self.options[choices.highlighted][0]])
        else:
            self.dismiss([])

    def action_cancel(self) -> None:
        self.dismiss(None)
