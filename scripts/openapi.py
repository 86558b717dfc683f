#!/usr/bin/env python3
# Writes the OpenAPI description the server serves (src/main/resources/static/openapi.json); run from the
# repository root after changing the API. OpenApiDocumentIntegrationTests fails when it and the endpoints differ.
import json
P = lambda name, desc, schema=None, where="query", required=False, explode=None: dict(
    {"name": name, "in": where, "description": desc, "required": required,
     "schema": schema or {"type": "string"}}, **({"explode": explode} if explode is not None else {}))
arr = {"type": "array", "items": {"type": "string"}}
facets = [("person", "a person id (person:john-kirby)"), ("group", "a group id (group:hayat-tahrir-al-sham)"),
          ("place", "a place id at any level (place:country:SY, place:region:SY.12, place:geonames:170062); matches the places beneath it"),
          ("country", "an ISO 3166-1 country code (SY)"), ("source", "a source name"), ("section", "a section"),
          ("tag", "a tag"), ("label", "an editors' label (apart from the source's tags)"),
          ("language", "an ISO 639-1 language code")]
search_params = [P("q", "Query in the journalists' query language (docs/query-language.md): words (all must match), \"phrases\", \"words near\"~5, OR, -exclusion, prefix*, fuzzy~, parentheses, title:/person:/group:/place:/source: fields. At most 1,000 characters.")]
for f, d in facets:
    search_params.append(P(f, "Keep articles with " + d + ". Repeat for several values: OR within a facet, AND across facets.", arr, explode=True))
    search_params.append(P("-" + f, "Leave out articles with " + d + ". Repeatable.", arr, explode=True))
search_params += [
    P("from", "Published on or after: 2024, 2024-03 or 2024-03-05 or an ISO instant."),
    P("to", "Published on or before (the whole day, month or year), same forms as from."),
    P("bbox", "Only articles naming a place inside west,south,east,north (degrees), e.g. 35.5,32.3,42.4,37.3."),
]
search_params.append(P("collection", "Only the articles of this collection (its id, or starred for your stars); 404 when you may not see it."))
paging = [
    P("sort", "relevance (default), newest or oldest", {"type": "string", "enum": ["relevance", "newest", "oldest"]}),
    P("page", "1-based page; page x size may not pass 10,000 (use cursor)", {"type": "integer", "minimum": 1, "default": 1}),
    P("size", "results per page", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
    P("facet_size", "values per facet", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}),
    P("cursor", "Deep paging past any page limit: send cursor= (empty) for the first page, then the cursor of each answer. Cursors expire after 5 minutes idle."),
]
problem = {"description": "Problem details (RFC 9457)", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
def ok(ref, desc="OK", ctype="application/json"):
    return {"description": desc, "content": {ctype: {"schema": {"$ref": "#/components/schemas/" + ref}}}}
def errors(*codes):
    return {str(c): {"$ref": "#/components/responses/Problem"} for c in codes}
idp = lambda d: P("id", d, where="path", required=True)
paths = {
 "/api/search": {"get": {"summary": "Search the archive with facets", "description": "Facets count under the other facets' selections (OR within a facet, AND across). Totals are exact.", "parameters": search_params + paging, "responses": dict({"200": ok("SearchResult")}, **errors(400, 503))}},
 "/api/facets/{facet}": {"get": {"summary": "More values of one facet, or the values containing some text, under the current search", "parameters": [P("facet", "person, group, place, country, source, section, tag, label or language", where="path", required=True), P("contains", "only values containing this text (any case)"), P("order", "count (default) or name", {"type": "string", "enum": ["count", "name"]}), P("page", "page of values", {"type": "integer", "minimum": 1, "maximum": 100}), P("size", "values per page", {"type": "integer", "minimum": 1, "maximum": 100})] + search_params, "responses": dict({"200": ok("FacetCounts")}, **errors(400, 404))}},
 "/api/export": {"get": {"summary": "Every matching article, streamed, with the query, filters, index and time recorded for reproduction", "parameters": [P("format", "csv (default) or ndjson", {"type": "string", "enum": ["csv", "ndjson"]})] + search_params + [paging[0]], "responses": dict({"200": {"description": "CSV (formula cells neutralised) or NDJSON; the first line(s) record the provenance", "content": {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}}}, **errors(400, 429))}},
 "/api/map": {"get": {"summary": "Map cells (geotile grid) of the places the matching articles name, with counts, the centre of the places inside (weighted by count) and the most named of them", "description": "The bbox parameter narrows searches but not the map, so the map still shows what lies outside.", "parameters": [P("zoom", "grid zoom level", {"type": "integer", "minimum": 0, "maximum": 10, "default": 2}), P("cells", "most cells returned", {"type": "integer", "minimum": 1, "maximum": 2000, "default": 500})] + search_params, "responses": dict({"200": ok("MapCells")}, **errors(400))}},
 "/api/entities": {"get": {"summary": "Suggest people, groups and places by the start of any word of their names", "parameters": [P("prefix", "what was typed", required=True), P("type", "person, group or place; all when absent", {"type": "string", "enum": ["person", "group", "place"]}), P("size", "suggestions", {"type": "integer", "minimum": 1, "maximum": 50, "default": 10})], "responses": dict({"200": ok("Suggestions")}, **errors(400))}},
 "/api/entities/{id}": {
  "put": {"summary": "Add or correct a person or group in the alias registry (editors)", "description": "Applies to new articles at once (on every server instance within 30 s); indexed articles get it by a re-index with apply_registry=true.", "parameters": [idp("person:... or group:... id; the prefix sets the type")], "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}, "aliases": {"type": "array", "items": {"type": "string"}}}, "required": ["name"]}}}}, "responses": dict({"200": ok("RegistryEntity")}, **errors(400, 409))},
  "delete": {"summary": "Remove a person or group from the alias registry (editors)", "parameters": [idp("person:... or group:... id")], "responses": dict({"204": {"description": "Removed"}}, **errors(404))},
  "get": {"summary": "An entity under the current search: aliases, timeline, who and what co-occurs with it (most, and most unusually)", "parameters": [idp("person:..., group:... or place:... id")] + search_params, "responses": dict({"200": ok("EntityPage")}, **errors(400, 404))}},
 "/api/admin/reindex": {
   "post": {"summary": "Copy the archive into a new index and move the alias onto it (after a mapping change, or to apply alias-registry edits to indexed articles)", "description": "Runs in the background; entities stored with each article are copied or re-resolved, never recognised again. The old index is kept for a roll-back. Refused (409) while a re-index runs on any server instance.", "parameters": [P("apply_registry", "re-resolve people and groups against the current alias registry", {"type": "boolean", "default": False})], "responses": dict({"202": ok("ReindexStatus", "Started")}, **errors(409))},
   "get": {"summary": "The latest re-index of the archive, whichever server instance runs or ran it", "description": "Kept in Elasticsearch. A run whose server instance stopped reporting (heartbeat older than clipfile.imports.abandoned-after) is reported failed.", "responses": dict({"200": ok("ReindexStatus")}, **errors(404))}},
 "/api/articles": {"post": {"summary": "Add or replace one article", "description": "JSON with explicit fields, plain text (seed layout or first line as title), or an HTML page (with ?url=). The id is derived from the canonical URL, else the content, so posting again replaces.", "parameters": [P("url", "for HTML: the page's address")], "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleInput"}}, "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}, "responses": dict({"201": ok("Ingested", "Created"), "200": ok("Ingested", "Replaced an earlier copy")}, **errors(400, 413, 415, 503))}},
 "/api/articles/{id}": {"get": {"summary": "One article with its people, groups and places", "parameters": [idp("article id")], "responses": dict({"200": ok("Article")}, **errors(404))}},
 "/api/articles/{id}/annotations": {"get": {"summary": "Where the title and body name the article's entities (UTF-16 offsets)", "parameters": [idp("article id")], "responses": dict({"200": ok("Annotations")}, **errors(404))}},
 "/api/articles/{id}/labels/{label}": {m: {"summary": summary, "parameters": [idp("article id"), P("label", "the label: 1-40 letters, digits, spaces, - _ . (stored lower case, spaces collapsed)", {"type": "string", "maxLength": 40}, where="path", required=True)], "responses": dict({"200": {"description": "The article's labels", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "labels": {"type": "array", "items": {"type": "string"}}}}}}}}, **errors(*codes))} for m, summary, codes in [("put", "Add an editors' label to an article (editors); idempotent; 409 beyond 20 labels", (400, 404, 409)), ("delete", "Remove an editors' label from an article (editors); idempotent", (400, 404))]},
 "/api/articles/{id}/related": {"get": {"summary": "Articles like this one, by words and shared people, groups and places", "parameters": [idp("article id"), P("size", "results", {"type": "integer", "minimum": 1, "maximum": 50, "default": 5})], "responses": dict({"200": ok("Related")}, **errors(404))}},
 "/api/imports": {
   "post": {"summary": "Start an import of a whole archive", "description": "Upload zip, NDJSON, JSON array, Reuters SGML, HTML or text (multipart field file, or as the raw body with ?name=), or JSON {\"path\": ..., \"include\": glob} for a server folder (allowed roots only).", "parameters": [P("name", "file name of a raw-body upload (its extension selects the format)"), P("include", "glob of the archive entries to import, e.g. **/*.html")], "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}, "application/zip": {"schema": {"type": "string", "format": "binary"}}, "application/x-ndjson": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "object", "properties": {"path": {"type": "string"}, "include": {"type": "string"}}, "required": ["path"]}}}}, "responses": dict({"202": ok("ImportJob", "Started")}, **errors(400, 403, 413, 503))},
   "get": {"summary": "Recent imports", "parameters": [P("size", "jobs", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20})], "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ImportJob"}}}}}}}},
 "/api/imports/{id}": {"get": {"summary": "An import's progress: processed, indexed, failed, rate and ETA", "parameters": [idp("import id")], "responses": dict({"200": ok("ImportJob")}, **errors(404))}},
 "/api/imports/{id}/failures": {"get": {"summary": "The documents an import could not index, each with its reason", "parameters": [idp("import id"), P("page", "page", {"type": "integer", "minimum": 1}), P("size", "failures per page", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100})], "responses": dict({"200": ok("FailureList")}, **errors(400, 404))}},
}
S = lambda props, req=None: dict({"type": "object", "properties": props}, **({"required": req} if req else {}))
s, i, n, b = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
ref = lambda r: {"$ref": "#/components/schemas/" + r}
lst = lambda x: {"type": "array", "items": x}
schemas = {
 "Problem": S({"type": s, "title": s, "status": i, "detail": s, "instance": s}),
 "SearchHit": S({"id": s, "title": dict(s, description="HTML-escaped; only <mark> is markup"), "snippet": dict(s, description="HTML-escaped; only <mark> is markup"), "marked_snippet": dict(s, description="the snippet with entity names also marked: <span class=\"entity person|group|place\" data-id=...>"), "published": dict(s, format="date-time"), "source": s, "section": s, "tags": lst(s), "url": s, "score": n, "entities": ref("Entities")}),
 "FacetValue": S({"value": s, "label": s, "count": i, "selected": b, "excluded": b, "children": lst(ref("FacetValue"))}),
 "FacetCounts": S({"values": lst(ref("FacetValue")), "other": dict(i, description="documents in values not shown")}),
 "DateHistogram": S({"interval": s, "buckets": lst(S({"start": s, "count": i}))}),
 "SearchResult": S({"total": dict(i, description="exact; -1 on cursor pages after the first"), "page": i, "size": i, "hits": lst(ref("SearchHit")), "facets": {"type": "object", "additionalProperties": ref("FacetCounts")}, "dates": ref("DateHistogram"), "cursor": dict(s, nullable=True)}),
 "Named": S({"id": s, "name": s, "type": s, "count": i}),
 "BoundingBox": S({"west": n, "south": n, "east": n, "north": n}),
 "MapCells": S({"zoom": i, "cells": lst(S({"key": dict(s, description="zoom/x/y"), "count": i, "lat": n, "lon": n, "bbox": ref("BoundingBox"), "top": lst(ref("Named"))}))}),
 "Suggestions": S({"entities": lst(ref("Named"))}),
 "EntityPage": S({"id": s, "name": s, "type": s, "aliases": lst(s), "articles": i, "timeline": ref("DateHistogram"), "cooccurring": {"type": "object", "additionalProperties": lst(ref("Named"))}, "unusual": lst(S({"id": s, "name": s, "type": s, "count": i, "score": n})), "place": S({"kind": s, "country_code": s, "region_id": s, "lat": n, "lon": n})}),
 "Entities": S({"people": lst(S({"id": s, "name": s, "type": s, "mentions": i})), "groups": lst(S({"id": s, "name": s, "type": s, "mentions": i})), "places": lst(S({"id": s, "name": s, "kind": s, "country_code": s, "country_name": s, "region_id": s, "region_name": s, "city_id": s, "city_name": s, "lat": n, "lon": n, "coordinates": s, "guessed": b, "ancestor_ids": lst(s), "mentions": i}))}),
 "ArticleInput": S({"title": s, "body": s, "published": dict(s, description="date or date-time"), "source": s, "url": s, "section": s, "tags": lst(s), "byline": s, "language": s}, ["title", "body"]),
 "Article": S({"id": s, "title": s, "body": s, "published": s, "source": s, "url": s, "section": s, "tags": lst(s), "labels": dict(lst(s), description="editors' labels (PUT/DELETE /api/articles/{id}/labels/{label}), apart from the source's tags"), "byline": s, "language": s, "ingested_at": s, "content_hash": s, "entities": ref("Entities")}),
 "Ingested": S({"id": s, "title": s, "created": b}),
 "Span": S({"start": i, "end": i, "type": s, "id": s, "name": s}),
 "Annotations": S({"title": lst(ref("Span")), "body": lst(ref("Span"))}),
 "RegistryEntity": S({"id": s, "type": s, "name": s, "aliases": lst(s)}),
 "ReindexStatus": S({"id": s, "state": dict(s, enum=["running", "completed", "failed"]), "from": s, "to": s, "mode": dict(s, enum=["copy", "relink"]), "registry_applied": b, "examined": i, "copied": i, "failed": i, "failures": lst(s), "started_at": s, "finished_at": s, "docs_per_second": n, "error": s, "heartbeat_at": s, "owner": s}),
 "Related": S({"hits": lst(ref("SearchHit"))}),
 "ImportJob": S({"id": s, "status": s, "source_kind": s, "source_name": s, "total_estimate": i, "processed": i, "indexed": i, "replaced": i, "failed": i, "rate_per_second": n, "eta_seconds": i, "created_at": s, "started_at": s, "finished_at": s, "error": s, "runner": s, "heartbeat_at": s}),
 "FailureList": S({"job_id": s, "total": i, "page": i, "size": i, "failures": lst(S({"document": s, "reason": s}))}),
}

# Access control and audit (org.clipfile.security, org.clipfile.audit): every operation needs an API key or a login
# session except the login itself; 401 and 403 are problems.
role = {"type": "string", "enum": ["reader", "editor", "admin"]}
unauth = {"description": "No or an invalid credential (/problems/unauthenticated)", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
forbidden = {"description": "The role does not allow the call, or the CSRF token of a session is missing (/problems/forbidden)", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
audit_params = [P("user", "user name, key:<key name> or anonymous"), P("action", "search, export, article.view, article.ingest, login.failed, access.denied, ..."), P("from", "2026, 2026-11, 2026-11-25 or an ISO date-time"), P("to", "2026, 2026-11, 2026-11-25 (that whole year, month or day) or an ISO date-time")]
body = lambda schema: {"required": True, "content": {"application/json": {"schema": schema}}}
paths.update({
 "/api/session": {
  "post": {"summary": "Log in (the web page): a session cookie for this user", "description": "Needs the header X-XSRF-TOKEN with the value of the XSRF-TOKEN cookie (set on any earlier answer). Changes the session id and the CSRF token.", "security": [], "requestBody": body(S({"username": s, "password": s}, ["username", "password"])), "responses": dict({"200": ok("Caller"), "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}, **errors(400, 503))},
  "get": {"summary": "Who is logged in (or which key is calling)", "responses": {"200": ok("Caller"), "401": {"$ref": "#/components/responses/Unauthenticated"}}},
  "delete": {"summary": "Log out", "security": [], "responses": {"204": {"description": "Logged out"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
 "/api/users": {
  "get": {"summary": "Users (admins)", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": lst(ref("User"))}}}}},
  "post": {"summary": "Create a user (admins); only a bcrypt hash of the password is stored", "requestBody": body(S({"username": s, "password": dict(s, minLength=12), "role": role}, ["username", "password", "role"])), "responses": dict({"201": ok("User", "Created")}, **errors(400, 409))}},
 "/api/users/{username}": {"delete": {"summary": "Delete a user (admins); not the last admin", "parameters": [P("username", "user name", where="path", required=True)], "responses": dict({"204": {"description": "Deleted"}}, **errors(404, 409))}},
 "/api/keys": {
  "get": {"summary": "API keys, without their secrets (admins)", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": lst(ref("ApiKey"))}}}}},
  "post": {"summary": "Create an API key (admins); the key is in this answer only", "requestBody": body(S({"name": s, "role": role}, ["name", "role"])), "responses": dict({"201": ok("IssuedApiKey", "Created")}, **errors(400))}},
 "/api/keys/{id}": {"delete": {"summary": "Revoke an API key (admins)", "parameters": [idp("key id")], "responses": dict({"204": {"description": "Revoked"}}, **errors(404))}},
 "/api/audit": {"get": {"summary": "The audit trail, newest first (admins)", "parameters": audit_params + [P("page", "page", {"type": "integer", "minimum": 1, "default": 1}), P("size", "events per page", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50})], "responses": dict({"200": ok("AuditPage")}, **errors(400))}},
 "/api/audit/export": {"get": {"summary": "Every matching audit event as NDJSON (admins)", "parameters": audit_params, "responses": dict({"200": {"description": "NDJSON, one event a line", "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}}, **errors(400))}},
})
schemas.update({
 "Caller": S({"username": dict(s, description="user name, or key:<name> for an API key"), "role": role}),
 "User": S({"username": s, "role": role, "created_at": s, "created_by": s}),
 "ApiKey": S({"id": s, "name": s, "role": role, "prefix": dict(s, description="the key's first characters"), "created_at": s, "created_by": s}),
 "IssuedApiKey": S({"id": s, "name": s, "role": role, "key": dict(s, description="cf_...; shown only in this answer"), "created_at": s}),
 "AuditEvent": S({"at": s, "user": s, "role": s, "auth": dict(s, enum=["session", "api_key", "anonymous", "system"]), "key_id": s, "action": s, "method": s, "path": s, "query": s, "parameters": s, "target": s, "status": i, "result_count": i, "client": s, "detail": s, "instance": s}),
 "AuditPage": S({"total": i, "page": i, "size": i, "events": lst(ref("AuditEvent"))}),
})
# Following stories (org.clipfile.saved, org.clipfile.collections, org.clipfile.batch; docs/follow-and-collect.md).
saved_body = body(S({"name": dict(s, maxLength=200), "query": dict(s, description="the search's query string as the page's URL holds it: q=raid&country=SY&from=2024"), "webhook_url": dict(s, description="optional: new matches are POSTed here, signed (X-Clipfile-Signature: sha256=HMAC of '<X-Clipfile-Timestamp>.<body>')"), "webhook_secret": dict(s, minLength=16, description="optional; generated (and answered once) when absent")}, ["name", "query"]))
collection_body = body(S({"name": dict(s, maxLength=200), "private": b}, ["name"]))
cid = lambda d: P("id", d, where="path", required=True)
paths.update({
 "/api/saved-searches": {
  "post": {"summary": "Save a search (its filters included); the answer holds its feed address and feed token (shown once)", "requestBody": saved_body, "responses": dict({"201": ok("SavedSearch", "Created")}, **errors(400, 409))},
  "get": {"summary": "Your saved searches (admins: everyone's), with their counts of new matches and webhook status", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": lst(ref("SavedSearch"))}}}}}},
 "/api/saved-searches/{id}": {
  "get": {"summary": "A saved search; its owner looking at it resets its count of new matches", "parameters": [cid("saved search id")], "responses": dict({"200": ok("SavedSearch")}, **errors(404))},
  "put": {"summary": "Change a saved search's name, query or webhook", "parameters": [cid("saved search id")], "requestBody": saved_body, "responses": dict({"200": ok("SavedSearch")}, **errors(400, 404, 409))},
  "delete": {"summary": "Delete a saved search", "parameters": [cid("saved search id")], "responses": dict({"204": {"description": "Deleted"}}, **errors(404))}},
 "/api/saved-searches/{id}/feed": {"get": {"summary": "Atom feed of the articles matching the saved search that were indexed after it was saved, newest first", "description": "Open with the feed token (?token=) alone, or with the owner's (or an admin's) credential.", "security": [], "parameters": [cid("saved search id"), P("token", "the feed token"), P("size", "entries", {"type": "integer", "minimum": 1, "maximum": 100, "default": 50})], "responses": dict({"200": {"description": "Atom 1.0", "content": {"application/atom+xml": {"schema": {"type": "string"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}}, **errors(400, 404))}},
 "/api/saved-searches/{id}/feed-token": {
  "post": {"summary": "A new feed token (the previous one stops working)", "parameters": [cid("saved search id")], "responses": dict({"200": ok("SavedSearch")}, **errors(404, 409))},
  "delete": {"summary": "Revoke the feed token: the feed then needs a credential", "parameters": [cid("saved search id")], "responses": dict({"204": {"description": "Revoked"}}, **errors(404, 409))}},
 "/api/collections": {
  "post": {"summary": "Create a collection, shared with the desk unless private", "requestBody": collection_body, "responses": dict({"201": ok("Collection", "Created")}, **errors(400))},
  "get": {"summary": "The collections you may see, with their sizes", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": lst(ref("Collection"))}}}}}},
 "/api/collections/{id}": {
  "get": {"summary": "A collection's articles with their notes, most recently added first (starred: your stars)", "parameters": [cid("collection id or starred"), P("page", "page", {"type": "integer", "minimum": 1, "default": 1}), P("size", "articles per page", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100})], "responses": dict({"200": ok("CollectionPage")}, **errors(400, 404))},
  "put": {"summary": "Rename a collection or change its privacy (its owner or an admin)", "parameters": [cid("collection id")], "requestBody": collection_body, "responses": dict({"200": ok("Collection")}, **errors(400, 404))},
  "delete": {"summary": "Delete a collection and its notes (its owner or an admin)", "parameters": [cid("collection id")], "responses": dict({"204": {"description": "Deleted"}}, **errors(404))}},
 "/api/collections/{id}/articles/{articleId}": {
  "put": {"summary": "Add an article to a collection, or change its note", "parameters": [cid("collection id or starred"), P("articleId", "article id", where="path", required=True)], "requestBody": {"required": False, "content": {"application/json": {"schema": S({"note": s})}}}, "responses": dict({"201": {"description": "Added"}, "200": {"description": "Note changed"}}, **errors(400, 404, 409))},
  "delete": {"summary": "Remove an article from a collection", "parameters": [cid("collection id or starred"), P("articleId", "article id", where="path", required=True)], "responses": dict({"204": {"description": "Removed"}}, **errors(404))}},
 "/api/batch-searches": {
  "post": {"summary": "Check a list of names against the archive, in the background", "description": "JSON {names, query}, or a CSV (first column) as text/csv or the multipart part file with ?query=.", "parameters": [P("query", "optional filters as a search query string (CSV uploads)")], "requestBody": {"required": True, "content": {"application/json": {"schema": S({"names": lst(s), "query": s}, ["names"])}, "text/csv": {"schema": s}, "multipart/form-data": {"schema": S({"file": dict(s, format="binary")})}}}, "responses": dict({"202": ok("BatchJob", "Started")}, **errors(400, 413, 415))},
  "get": {"summary": "Your batch searches (admins: everyone's), newest first", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": lst(ref("BatchJob"))}}}}}},
 "/api/batch-searches/{id}": {"get": {"summary": "A batch's status, progress and results by name", "parameters": [cid("batch id"), P("page", "page", {"type": "integer", "minimum": 1, "default": 1}), P("size", "names per page", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100})], "responses": dict({"200": ok("BatchPage")}, **errors(400, 404))}},
 "/api/batch-searches/{id}.csv": {"get": {"summary": "All of a batch's results as CSV", "parameters": [cid("batch id")], "responses": dict({"200": {"description": "CSV", "content": {"text/csv": {"schema": s}}}}, **errors(404))}},
})
schemas.update({
 "SavedSearch": S({"id": s, "name": s, "query": s, "owner": s, "created_at": s, "updated_at": s, "feed": s, "feed_token_active": b, "feed_token": dict(s, description="only when made"), "feed_subscription": dict(s, description="feed address with the token, only when made"), "new_count": i, "seen_at": s, "last_match_at": s, "last_checked_at": s, "webhook": S({"url": s, "last_attempt_at": s, "last_success_at": s, "last_status": i, "failures": i, "last_error": s}), "webhook_secret": dict(s, description="only when generated")}),
 "Collection": S({"id": s, "name": s, "owner": s, "private": b, "kind": dict(s, enum=["collection", "starred"]), "created_at": s, "updated_at": s, "size": i}),
 "CollectionPage": S({"collection": ref("Collection"), "total": i, "page": i, "size": i, "articles": lst(S({"id": s, "title": s, "published": s, "source": s, "note": s, "added_by": s, "added_at": s, "updated_by": s, "updated_at": s, "missing": b}))}),
 "BatchJob": S({"id": s, "owner": s, "status": dict(s, enum=["queued", "running", "completed", "failed"]), "query": s, "names_total": i, "names_done": i, "names_found": i, "created_at": s, "started_at": s, "finished_at": s, "error": s, "runner": s, "heartbeat_at": s}),
 "BatchPage": S({"batch": ref("BatchJob"), "page": i, "size": i, "results": lst(S({"job_id": s, "position": i, "name": s, "done": b, "count": i, "entities": lst(S({"id": s, "name": s, "articles": i})), "top_articles": lst(S({"id": s, "title": s, "published": s})), "error": s}))}),
})
# Curation by editors (org.clipfile.curation, docs/entities.md): edits of person and group facet values, undone by
# DELETE, applied to indexed articles by the re-index POST /api/curation/reindex starts.
paths.update({
 "/api/curation/edits": {
  "get": {"summary": "Curation edits, newest first (editors)", "parameters": [P("entity", "only edits naming this person or group id"), P("undone", "include undone edits", {"type": "boolean", "default": True})], "responses": dict({"200": {"description": "OK", "content": {"application/json": {"schema": lst(ref("CurationEdit"))}}}}, **errors(400))},
  "post": {"summary": "Make a curation edit (editors): merge, split, rename, retype or not_entity", "description": "merge: other's articles count under entity (same type). split: other is never linked to entity again (a veto the archive's linking honours); the split of an editor's merge undoes that merge (200). rename: entity shows as name. retype: entity becomes type (person or group). not_entity: entity leaves facets and entities. New articles get an edit at once; indexed ones at the next re-index (POST /api/curation/reindex).", "requestBody": body(S({"action": dict(s, enum=["merge", "split", "rename", "retype", "not_entity"]), "entity": dict(s, description="person:... or group:... id, at most 200 characters"), "other": s, "name": dict(s, maxLength=200), "type": dict(s, enum=["person", "group"])}, ["action", "entity"])), "responses": dict({"201": ok("CurationEdit", "Created"), "200": ok("CurationEdit", "A split that undid an editor's merge")}, **errors(400, 404, 409))}},
 "/api/curation/edits/{id}": {"delete": {"summary": "Undo a curation edit (editors); it stays listed, marked undone", "parameters": [idp("edit id (ce_...)")], "responses": dict({"200": ok("CurationEdit", "Undone")}, **errors(404, 409))}},
 "/api/curation/entities/{id}": {"get": {"summary": "A person or group's members (automatic links with their reasons, editors' merges) and the edits naming it (editors)", "parameters": [idp("person or group id")], "responses": dict({"200": ok("CurationEntity")}, **errors(400))}},
 "/api/curation/reindex": {
  "post": {"summary": "Start the relink that applies the curation edits in force to every indexed article (editors)", "description": "Decides the links across the archive again and rewrites in place only the articles the edits change (mode relink: examined articles read, copied rewritten; no new index). A re-index (POST /api/admin/reindex) applies them too. Refused (409) while a re-index or relink runs on any server instance.", "responses": dict({"202": ok("ReindexStatus", "Started")}, **errors(409))},
  "get": {"summary": "The latest re-index and how many edits were made or undone since it started (editors)", "responses": {"200": ok("CurationProgress")}}},
})
schemas.update({
 "CurationEdit": S({"id": s, "action": dict(s, enum=["merge", "split", "rename", "retype", "not_entity"]), "entity": s, "other": s, "entity_name": s, "name": s, "type": s, "editor": s, "created_at": s, "undone": b, "undone_at": s, "undone_by": s}),
 "CurationEntity": S({"id": s, "members": lst(S({"id": s, "name": s, "reason": s, "edit": s})), "edits": lst(ref("CurationEdit"))}),
 "CurationProgress": S({"reindex": ref("ReindexStatus"), "pending": i}),
})
for item in paths.values():
    for op in item.values():
        if op.get("security") != []:
            op["responses"].setdefault("401", {"$ref": "#/components/responses/Unauthenticated"})
            op["responses"].setdefault("403", {"$ref": "#/components/responses/Forbidden"})
components_params = {}
def refs(params):
    out = []
    for p in params:
        key = p["name"].replace("-", "not_")
        components_params[key] = p
        out.append({"$ref": "#/components/parameters/" + key})
    return out
shared = {id(p) for p in search_params + paging}
for item in paths.values():
    for op in item.values():
        op["parameters"] = [({"$ref": "#/components/parameters/" + p["name"].replace("-", "not_")} if id(p) in shared else p) for p in op.get("parameters", [])]
for p in search_params + paging:
    components_params[p["name"].replace("-", "not_")] = p
schemas["FailureList"] = S({"job_id": s, "total": i, "page": i, "size": i, "failures": lst(S({"job_id": s, "document": s, "reason": s, "at": s}))})
doc = {"openapi": "3.1.0", "info": {"title": "Clipfile", "version": "1", "description": "Search server for newsroom archives: ingest articles, resolve their people, groups and places, search them with facets. Errors are RFC 9457 problem details.", "license": {"name": "GPL-3.0-or-later", "identifier": "GPL-3.0-or-later"}},
       "security": [{"apiKey": []}, {"session": []}],
       "paths": paths, "components": {"parameters": components_params, "schemas": schemas, "responses": {"Problem": problem, "Unauthenticated": unauth, "Forbidden": forbidden},
       "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "Authorization", "description": "'ApiKey <key>' (or the header X-Api-Key: <key>)"},
                           "session": {"type": "apiKey", "in": "cookie", "name": "JSESSIONID", "description": "login session from POST /api/session; changes also need the header X-XSRF-TOKEN with the value of the XSRF-TOKEN cookie"}}}}
json.dump(doc, open("src/main/resources/static/openapi.json", "w"), indent=1)
