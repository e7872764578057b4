"""Pagination defaults for list endpoints."""
from rest_framework.pagination import CursorPagination, PageNumberPagination


class StandardResultsPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200


class NewestFirstCursorPagination(CursorPagination):
    """Stable pagination for append-only feeds such as notifications."""

    page_size = 50
    ordering = "-created_at"
