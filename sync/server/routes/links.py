"""OpenAPI links between the operations: which values of one answer the next request takes (a pull page's
cursor and epoch, an attachment's name and how much of it the server holds). They document the API for a
generated client, and they are the paths schemathesis's stateful tests follow (tests/sync/fuzzing.py)."""


def link(path: str, method: str, **parameters: str) -> dict:
    """A link to the operation at `path`, filling each named parameter from the answer's body field."""
    ref = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method
    return {
        "operationRef": ref,
        "parameters": {name: f"$response.body#/{f}" for name, f in parameters.items()},
    }


def links(**named: dict) -> dict:
    """The `responses` argument of a route whose 200 answer links to the given operations."""
    return {200: {"links": named}}


PULL_FROM_CURSOR = link("/v1/pull", "get", cursor="cursor", epoch="epoch")
PULL_IN_EPOCH = link("/v1/pull", "get", epoch="epoch")
COUNTS = link("/v1/counts", "get")
BLOB_STATE = link("/v1/blobs/{sha}", "get", sha="sha256")
BLOB_UPLOAD = link("/v1/blobs/{sha}", "put", sha="sha256", offset="received")
BLOB_CONTENT = link("/v1/blobs/{sha}/content", "get", sha="sha256")
