-- 007: community events (activities) and registrations with a waitlist.
-- Seats are counted per person (a parent and a child take two). `seats_taken` is the sum of `people` over
-- confirmed registrations and never exceeds `capacity` (CHECK); sign-ups, cancellations, promotions and
-- staff changes of one event all lock the event's row first, so they happen one after another.

CREATE TABLE events (
  id                 text PRIMARY KEY,
  area_id            text NOT NULL REFERENCES areas (id),
  -- Localized texts {"zh-CN": "...", "zh-TW": "...", "en": "..."}; zh-CN is always present.
  title              jsonb NOT NULL CHECK (jsonb_typeof(title -> 'zh-CN') = 'string'),
  description        jsonb,
  place              jsonb NOT NULL CHECK (jsonb_typeof(place -> 'zh-CN') = 'string'),
  audience           jsonb NOT NULL CHECK (jsonb_typeof(audience -> 'zh-CN') = 'string'),
  starts_at          timestamptz NOT NULL,
  ends_at            timestamptz NOT NULL,
  capacity           integer NOT NULL CHECK (capacity > 0),
  seats_taken        integer NOT NULL DEFAULT 0,
  max_party_size     integer NOT NULL DEFAULT 4 CHECK (max_party_size > 0),
  asks_children_ages boolean NOT NULL DEFAULT false,
  status             text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  -- Grows with every change: the iCalendar SEQUENCE.
  revision           integer NOT NULL DEFAULT 0,
  created_by         text NOT NULL,
  updated_by         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CONSTRAINT events_seats CHECK (seats_taken >= 0 AND seats_taken <= capacity)
);
CREATE INDEX events_area_starts_idx ON events (area_id, starts_at);
CREATE INDEX events_starts_idx ON events (starts_at);

CREATE TABLE event_registrations (
  id            text PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  event_id      text NOT NULL REFERENCES events (id),
  -- Order of sign-up: the waitlist is served in this order.
  queue_position integer GENERATED ALWAYS AS IDENTITY,
  name          text NOT NULL,
  phone         text NOT NULL,
  -- The phone reduced to what identifies it (digits, no +86): one active registration per phone and event.
  phone_key     text NOT NULL,
  people        integer NOT NULL CHECK (people > 0),
  children_ages integer[] NOT NULL DEFAULT '{}',
  status        text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  promoted_at   timestamptz,
  cancelled_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX event_registrations_one_per_phone ON event_registrations (event_id, phone_key) WHERE status <> 'cancelled';
CREATE INDEX event_registrations_event_idx ON event_registrations (event_id, queue_position);
