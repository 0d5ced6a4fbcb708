"""The command palette in the interface language, «no matches» included.

Textual's palette writes "No matches found" itself when no provider has a hit. This
provider answers exactly then, with the same news in the interface language, so the
palette never has to: it runs only when none of the app's commands matches the query.
"""

from __future__ import annotations

from rich.text import Text
from textual.command import Hit, Hits, Provider

from tpworkshop.domain.text import visible_line
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.tui.bindings import interface_language


class NoMatchesProvider(Provider):
    async def search(self, query: str) -> Hits:
        if not query.strip():
            return
        matcher = self.matcher(query)
        commands = self.app.get_system_commands(self.screen)
        if any(matcher.match(command.title) > 0 for command in commands):
            return
        lang = interface_language(self.screen)
        sentence = UI("palette.no_matches", lang, query=visible_line(query.strip()))
        yield Hit(
            NO_MATCH_SCORE,
            Text(sentence, style="dim"),
            _nothing,
            text=sentence,
            help=UI("palette.no_matches.help", lang),
        )


NO_MATCH_SCORE = 0.0


def _nothing() -> None:
    """Choosing the «no matches» line just closes the palette."""
