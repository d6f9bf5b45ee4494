-- 006: appointments — services residents can book, slots staff publish, and the bookings themselves.
-- Capacity is enforced here, not only in the code: `booked` can never pass `capacity` (CHECK), and a
-- booking takes a place with one conditional UPDATE (`... WHERE booked < capacity`), which PostgreSQL
-- runs under the slot's row lock, so two residents pressing "book" at once cannot both get the last place.

CREATE TABLE appointment_services (
  id          text PRIMARY KEY,
  area_id     text NOT NULL REFERENCES areas (id),
  -- {"zh-CN": "...", "zh-TW": "...", "en": "..."}; zh-CN is always present.
  name        jsonb NOT NULL CHECK (jsonb_typeof(name -> 'zh-CN') = 'string'),
  description jsonb,
  -- An array of localized texts, one per item to bring.
  materials   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(materials) = 'array'),
  place       jsonb NOT NULL CHECK (jsonb_typeof(place -> 'zh-CN') = 'string'),
  home_visit  boolean NOT NULL DEFAULT false,
  sort_order  integer NOT NULL DEFAULT 0
);
CREATE INDEX appointment_services_area_idx ON appointment_services (area_id, sort_order);

CREATE TABLE appointment_slots (
  id         text PRIMARY KEY,
  service_id text NOT NULL REFERENCES appointment_services (id),
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  capacity   integer NOT NULL CHECK (capacity > 0),
  -- Bookings holding a place (booked, attended, no-show; not cancelled).
  booked     integer NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CONSTRAINT appointment_slots_capacity CHECK (booked >= 0 AND booked <= capacity),
  UNIQUE (service_id, starts_at)
);
CREATE INDEX appointment_slots_starts_idx ON appointment_slots (starts_at);

CREATE TABLE appointments (
  id             text PRIMARY KEY,
  code           text NOT NULL UNIQUE,
  service_id     text NOT NULL REFERENCES appointment_services (id),
  -- The service's area, copied so figures by area and period need no join.
  area_id        text NOT NULL REFERENCES areas (id),
  mode           text NOT NULL CHECK (mode IN ('on_site', 'home_visit')),
  slot_id        text REFERENCES appointment_slots (id),
  preferred_date date,
  address        text,
  reason         text,
  name           text NOT NULL,
  phone          text NOT NULL,
  -- The phone reduced to what identifies it (digits, no +86), to check a cancellation against.
  phone_key      text NOT NULL,
  status         text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show')),
  marked_by      text,
  marked_at      timestamptz,
  cancelled_at   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (mode = 'on_site' AND slot_id IS NOT NULL AND preferred_date IS NULL AND address IS NULL)
    OR (mode = 'home_visit' AND slot_id IS NULL AND preferred_date IS NOT NULL AND address IS NOT NULL AND reason IS NOT NULL)
  )
);
CREATE INDEX appointments_slot_idx ON appointments (slot_id);
CREATE INDEX appointments_preferred_date_idx ON appointments (preferred_date) WHERE mode = 'home_visit';
CREATE INDEX appointments_area_created_idx ON appointments (area_id, created_at);
