"""How the township server says no: the refusals every route documents, and a malformed value answered 422
with where it was, whether FastAPI found it before the handler or pydantic found it inside one."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

from sync.core.records import unstorable

log = logging.getLogger(__name__)


class Refusal(BaseModel):
    detail: str  # what was wrong, in words a person can act on


REFUSAL_TEXTS = {
    400: "不是有效的请求体",
    401: "设备未登记、已停用，或账号密码不对",
    403: "本账号无权这样做，账号的在用设备已达上限，或只有管理员可以查看",
    404: "没有，或本设备看不到",
    409: "附件上传的偏移或内容不对",
    413: "请求体或修改条数超过上限",
    421: "请求头 Host 不是本服务器的地址",
    422: "请求格式不对",
    429: "登记尝试过于频繁",
}
REFUSALS = {code: {"model": Refusal, "description": text} for code, text in REFUSAL_TEXTS.items()}


def where(errors: list, prefix: tuple = ()) -> str:
    """The places of the first few errors and what is wrong there. Never the value: a lone surrogate in the
    request must not come back in the answer (or go into the log)."""
    return "；".join(
        "/".join(map(place, (*prefix, *e.get("loc", ())))) + "：" + str(e.get("msg", "")) for e in errors[:5]
    )


def place(part: object) -> str:
    """A step of an error's location. A dict key is the sender's own text: shown short and as ASCII escapes
    when it is long or holds what cannot be written back."""
    text = str(part)
    return text if len(text) <= 40 and not unstorable(text) else ascii(text[:40])


def malformed_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse({"detail": "请求格式不对：" + where(exc.errors())}, status_code=422)


def malformed_value(request: Request, exc: ValidationError) -> JSONResponse:
    """A message a handler built from the request and pydantic refused. Every route declares its values with
    the protocol's own types, so this means a route let a value through: the same answer as above, and one
    line in the log to find the route by (not a traceback per request)."""
    detail = where(exc.errors(include_input=False), prefix=(exc.title,))
    log.warning(
        "%s %s: 422, a value refused inside the handler: %s", request.method, request.url.path, detail
    )
    return JSONResponse({"detail": "请求格式不对：" + detail}, status_code=422)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, malformed_request)
    app.add_exception_handler(ValidationError, malformed_value)
