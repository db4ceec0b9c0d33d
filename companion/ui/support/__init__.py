"""The support directory page: shipped services in Welsh and English, and the person's own local groups."""

from companion.ui.support.support_view import SupportView

__all__ = ["SupportView"]
