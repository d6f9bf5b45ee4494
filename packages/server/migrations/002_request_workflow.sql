-- 002: the request workflow — history (timeline), assignment, expected date, supports, rating,
-- reopening, merges of duplicates, photos, contact for someone else, consent, location.

ALTER TABLE service_requests
  -- Staff: who works on it, and the day they expect it fixed (a date: no time of day is promised).
  ADD COLUMN assigned_to            text,
  ADD COLUMN expected_date          date,
  -- Set when it reaches `resolved` (cleared by a reopen), so "resolved within 14 days" and the
  -- median time to resolve are computed from stored facts, not from the timeline.
  ADD COLUMN resolved_at            timestamptz,
  ADD COLUMN reopen_count           integer NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
  -- A duplicate merged into another request: closed, pointing at the one that carries on.
  ADD COLUMN merged_into            text REFERENCES service_requests (id),
  -- The resident's rating, once.
  ADD COLUMN rating                 smallint CHECK (rating BETWEEN 1 AND 5),
  ADD COLUMN rating_comment         text,
  ADD COLUMN rated_at               timestamptz,
  -- "Reporting for someone else": the person it concerns and their building or unit.
  ADD COLUMN on_behalf_name         text,
  ADD COLUMN on_behalf_phone        text,
  ADD COLUMN on_behalf_area_id      text REFERENCES areas (id),
  -- When the server received the resident's agreement to the privacy notice, and which version.
  ADD COLUMN consented_at           timestamptz,
  ADD COLUMN privacy_notice_version text,
  -- Where exactly: the browser's geolocation (WGS 84) and/or words.
  ADD COLUMN latitude               double precision CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude              double precision CHECK (longitude BETWEEN -180 AND 180),
  ADD COLUMN address                text,
  ADD CONSTRAINT service_requests_rating_once CHECK ((rating IS NULL) = (rated_at IS NULL)),
  ADD CONSTRAINT service_requests_location_pair CHECK ((latitude IS NULL) = (longitude IS NULL)),
  ADD CONSTRAINT service_requests_on_behalf_named CHECK (on_behalf_name IS NOT NULL
    OR (on_behalf_phone IS NULL AND on_behalf_area_id IS NULL)),
  ADD CONSTRAINT service_requests_not_merged_into_itself CHECK (merged_into <> id);

CREATE INDEX service_requests_status_idx ON service_requests (status, category_id);
CREATE INDEX service_requests_merged_into_idx ON service_requests (merged_into) WHERE merged_into IS NOT NULL;

-- Everything that happened to a request, oldest first. Never updated or deleted: it is the record of
-- who did what and when. `status` is the request's status after the entry.
CREATE TABLE request_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id    text NOT NULL REFERENCES service_requests (id),
  at            timestamptz NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('submitted', 'accepted', 'started', 'resolved', 'rejected', 'closed',
                  'reopened', 'merged', 'duplicate_merged', 'assigned', 'noted', 'expected_date_set', 'rated')),
  status        text NOT NULL
                CHECK (status IN ('submitted', 'accepted', 'in_progress', 'resolved', 'rejected', 'closed')),
  actor_kind    text NOT NULL CHECK (actor_kind IN ('resident', 'staff', 'system')),
  -- Staff: the name their token carries. Residents are never named here.
  actor_name    text CHECK (actor_kind = 'staff' OR actor_name IS NULL),
  note          text,
  -- Internal notes are for staff only; everything else the resident may read.
  is_public     boolean NOT NULL DEFAULT true,
  assigned_to   text,
  expected_date date,
  related_id    text REFERENCES service_requests (id),
  score         smallint
);
CREATE INDEX request_events_request_idx ON request_events (request_id, id);

-- Residents supporting a request ("me too") instead of reporting it again: one row per submission
-- (a retry with the same Idempotency-Key adds none). `merged_from` marks the row that stands for a
-- duplicate report merged into this request; the duplicate's own supports move here with it.
CREATE TABLE request_supports (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id  text NOT NULL REFERENCES service_requests (id),
  created_at  timestamptz NOT NULL,
  merged_from text REFERENCES service_requests (id)
);
CREATE INDEX request_supports_request_idx ON request_supports (request_id);

-- Photos, in the database itself (bytea) rather than in a folder: one backup (a PGlite folder copy or
-- pg_dump) holds everything, a photo and its request are committed together, and several server
-- processes need no shared disk. Four photos of at most a few MB per request stay small for PostgreSQL.
-- `request_id` is null between the upload and the report that uses it.
CREATE TABLE photos (
  id           text PRIMARY KEY,
  request_id   text REFERENCES service_requests (id),
  position     smallint CHECK (position BETWEEN 0 AND 3),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  byte_size    integer NOT NULL CHECK (byte_size > 0),
  sha256       text NOT NULL,
  data         bytea NOT NULL,
  created_at   timestamptz NOT NULL,
  CHECK ((request_id IS NULL) = (position IS NULL)),
  UNIQUE (request_id, position)
);
CREATE INDEX photos_unattached_idx ON photos (created_at) WHERE request_id IS NULL;

-- Every existing request gets the first entry of its history.
INSERT INTO request_events (request_id, at, kind, status, actor_kind)
SELECT id, created_at, 'submitted', 'submitted', 'resident' FROM service_requests;
