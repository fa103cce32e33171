"""Request bodies read with a cap, and inflated with a cap when they come gzip-compressed: a route of the
township server reads its body through `GzipRoute`."""

from __future__ import annotations

import zlib
from collections.abc import Callable

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

MAX_BODY = 8 * 1024 * 1024  # bytes on the wire, compressed or not
MAX_INFLATED = 32 * 1024 * 1024  # bytes after decompression


def too_large(reason: str) -> HTTPException:
    # An HTTPException, because FastAPI turns anything else raised while reading a body into a plain 400.
    return HTTPException(413, reason)


class GzipRequest(Request):
    """A request body read with a cap, and inflated with a cap when it comes gzip-compressed."""

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            declared = self.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BODY:
                raise too_large(f"请求体 {int(declared)} 字节，超过上限 {MAX_BODY}")
            chunks, size = [], 0
            async for chunk in self.stream():
                size += len(chunk)
                if size > MAX_BODY:
                    raise too_large(f"请求体超过上限 {MAX_BODY} 字节")
                chunks.append(chunk)
            body = b"".join(chunks)
            if "gzip" in self.headers.getlist("Content-Encoding"):
                body = inflate(body)
            self._body = body
        return self._body


def inflate(body: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(body, MAX_INFLATED)
    except zlib.error:
        raise HTTPException(400, "请求体不是有效的 gzip 数据") from None
    if inflater.unconsumed_tail:
        raise too_large(f"解压后超过上限 {MAX_INFLATED} 字节")
    return out


class GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def gzip_handler(request: Request) -> Response:
            return await handler(GzipRequest(request.scope, request.receive))

        return gzip_handler
