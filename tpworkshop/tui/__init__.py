"""The Textual facilitator app. Only this package imports Textual."""
