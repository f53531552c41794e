"""Benchmark-only middleware: the number of SQL queries of a response, in X-SQL-Queries."""

from django.db import connections


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counted = [0]

        def count(execute, sql, params, many, context):
            counted[0] += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(count):
            response = self.get_response(request)
        response["X-SQL-Queries"] = str(counted[0])
        return response
