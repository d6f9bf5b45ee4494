-- 004: elder-care programs (services with eligibility and subsidy rules as data, per community) and
-- applications, whose personal and health data are sealed (AES-256-GCM, src/field-cipher.ts).

CREATE TABLE eldercare_programs (
  id           text PRIMARY KEY,
  community_id text NOT NULL REFERENCES areas (id),
  service      text NOT NULL CHECK (service IN ('meals', 'dayCare', 'housekeeping', 'homeVisits', 'wristband')),
  -- {"zh-CN": "...", "zh-TW": "...", "en": "..."}; zh-CN is always present.
  name         jsonb NOT NULL CHECK (jsonb_typeof(name -> 'zh-CN') = 'string'),
  description  jsonb,
  -- An EligibilityCondition ({"any": [{"ageAtLeast": 60}, {"fact": "disability"}]}), or NULL: every elder.
  eligibility  jsonb,
  options      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(options) = 'object'),
  -- [{"id", "name", "amountFen", "per"}]: integer fen.
  prices       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(prices) = 'array'),
  -- [{"id", "item", "kind": "free" | "subsidy" | "freeQuantity", "when": condition, ...}].
  benefits     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(benefits) = 'array'),
  sort_order   integer NOT NULL DEFAULT 0,
  -- A retired program stays for the applications that name it, but is no longer offered.
  active       boolean NOT NULL DEFAULT true
);
-- One running program per service and community.
CREATE UNIQUE INDEX eldercare_programs_service_idx ON eldercare_programs (community_id, service) WHERE active;

CREATE TABLE eldercare_applications (
  id                 text PRIMARY KEY,
  code               text NOT NULL UNIQUE, -- EC-XXXX-XXXX
  community_id       text NOT NULL REFERENCES areas (id),
  area_id            text NOT NULL REFERENCES areas (id), -- the building or unit the elder lives in
  status             text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'waitlisted', 'approved', 'rejected')),
  applicant_role     text NOT NULL CHECK (applicant_role IN ('self', 'family', 'steward')),
  -- What was asked for and what was granted ({"meals": {"mode", "meals", "days"}, ...}); no health data.
  services           jsonb NOT NULL,
  granted            jsonb,
  start_date         date,
  -- Why it was rejected or waitlisted, written for the applicant.
  reason             text,
  -- Sealed values ("v1.<key id>.<iv>.<ciphertext+tag>"), each bound to this row's id and its column:
  personal_sealed    text NOT NULL, -- elder, applicant and emergency contact: names, phones, birth year, room
  health_sealed      text NOT NULL, -- eligibility facts, diet needs, allergies
  eligibility_sealed text NOT NULL, -- the rule engine's outcome at submission (it reveals the facts)
  eligibility_year   integer NOT NULL, -- the year ages were counted in
  consent_at         timestamptz NOT NULL,
  health_consent_at  timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'approved' OR (granted IS NOT NULL AND start_date IS NOT NULL))
);
CREATE INDEX eldercare_applications_community_idx ON eldercare_applications (community_id, status);
CREATE INDEX eldercare_applications_created_idx ON eldercare_applications (created_at);

-- What happened to an application, by whom (a staff name; NULL for the applicant) and when.
CREATE TABLE eldercare_application_events (
  seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id text NOT NULL REFERENCES eldercare_applications (id) ON DELETE CASCADE,
  action         text NOT NULL CHECK (action IN ('submitted', 'approved', 'waitlisted', 'rejected')),
  actor          text,
  note           text,
  granted        jsonb,
  start_date     date,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eldercare_application_events_app_idx ON eldercare_application_events (application_id, seq);
