-- 001: areas, categories, service requests and idempotency keys.
-- Later migrations add status history, staff, photos; never edit an applied migration, add a new file.

CREATE TABLE areas (
  id         text PRIMARY KEY,
  parent_id  text REFERENCES areas (id),
  level      text NOT NULL CHECK (level IN ('district', 'subdistrict', 'community', 'compound', 'building', 'unit')),
  name       text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX areas_parent_idx ON areas (parent_id, sort_order);

CREATE TABLE categories (
  id              text PRIMARY KEY,
  -- {"zh-CN": "...", "zh-TW": "...", "en": "..."}; zh-CN is always present.
  name            jsonb NOT NULL CHECK (jsonb_typeof(name -> 'zh-CN') = 'string'),
  description     jsonb,
  allow_anonymous boolean NOT NULL DEFAULT true,
  sort_order      integer NOT NULL DEFAULT 0
);

CREATE TABLE service_requests (
  id            text PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  category_id   text NOT NULL REFERENCES categories (id),
  area_id       text NOT NULL REFERENCES areas (id),
  description   text NOT NULL,
  contact_name  text,
  contact_phone text,
  status        text NOT NULL DEFAULT 'submitted'
                CHECK (status IN ('submitted', 'accepted', 'in_progress', 'resolved', 'rejected', 'closed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_requests_area_idx ON service_requests (area_id);
CREATE INDEX service_requests_category_idx ON service_requests (category_id);
CREATE INDEX service_requests_created_idx ON service_requests (created_at);

-- One row per (scope, key): the first request's body hash and, once it succeeded, its response.
CREATE TABLE idempotency_keys (
  scope           text NOT NULL, -- method and path, e.g. 'POST /v1/requests'
  key             text NOT NULL,
  request_hash    text NOT NULL, -- sha256 of the validated body
  response_status integer,
  response_body   text,    -- kept verbatim, so a replay is byte-for-byte the first answer
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
