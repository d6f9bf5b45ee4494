-- 005: volunteer service hours — teams, volunteers, logged entries with their history, monthly goals.
--
-- Totals are never stored: they are the sum of approved entries, computed when asked. What is stored
-- is a revision number that changes with every write to these tables (statement triggers), so the
-- public counter can answer "not modified" from one primary-key read, and can never serve a total
-- that is out of date: the revision changes in the same transaction as the data.

CREATE TABLE volunteer_teams (
  id             text PRIMARY KEY,
  community_id   text NOT NULL REFERENCES areas (id),
  -- {"zh-CN": "...", "zh-TW": "...", "en": "..."}; zh-CN is always present.
  name           jsonb NOT NULL CHECK (jsonb_typeof(name -> 'zh-CN') = 'string'),
  description    jsonb,
  -- [{"key": "home-visit", "name": {"zh-CN": "上门探访", ...}}, ...] in display order
  activity_types jsonb NOT NULL CHECK (jsonb_typeof(activity_types) = 'array'),
  active         boolean NOT NULL DEFAULT true,
  sort_order     integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_teams_community_idx ON volunteer_teams (community_id, sort_order);

CREATE TABLE volunteers (
  id            text PRIMARY KEY,
  code          text NOT NULL UNIQUE,           -- V-XXXX-XXXX, public
  community_id  text NOT NULL REFERENCES areas (id),
  name          text NOT NULL,
  phone         text NOT NULL,
  phone_key     text NOT NULL,                  -- digits only (+86 dropped): one sign-up per phone and community
  availability  jsonb NOT NULL DEFAULT '[]',
  skills        jsonb NOT NULL DEFAULT '[]',
  skills_note   text,
  note          text,
  consent_at    timestamptz NOT NULL,            -- when they agreed to the station keeping their data
  access_key_sha256 text NOT NULL UNIQUE,        -- hex digest; the key itself is never stored
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volunteers_phone_idx ON volunteers (community_id, phone_key);

CREATE TABLE volunteer_memberships (
  volunteer_id text NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  team_id      text NOT NULL REFERENCES volunteer_teams (id),
  joined_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (volunteer_id, team_id)
);
CREATE INDEX volunteer_memberships_team_idx ON volunteer_memberships (team_id);

CREATE TABLE volunteer_entries (
  id            text PRIMARY KEY,
  volunteer_id  text NOT NULL REFERENCES volunteers (id),
  team_id       text NOT NULL REFERENCES volunteer_teams (id),
  activity_type text NOT NULL,
  served_on     date NOT NULL,                  -- the community-time day it happened
  started_at    timestamptz,
  ended_at      timestamptz,
  minutes       integer NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
  area_id       text REFERENCES areas (id),
  served_group  text,
  served_count  integer CHECK (served_count > 0),
  note          text,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reject_reason text,
  reviewed_by   text,
  reviewed_at   timestamptz,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((started_at IS NULL) = (ended_at IS NULL)),
  CHECK (ended_at IS NULL OR ended_at > started_at)
);
-- The counter's queries read only approved rows by team and day: these partial, covering indexes
-- let PostgreSQL answer them from the index alone.
CREATE INDEX volunteer_entries_approved_team_idx ON volunteer_entries (team_id, served_on)
  INCLUDE (minutes, volunteer_id) WHERE status = 'approved';
CREATE INDEX volunteer_entries_approved_volunteer_idx ON volunteer_entries (volunteer_id, served_on)
  INCLUDE (minutes, team_id) WHERE status = 'approved';
-- A volunteer's own list, and the staff review queue.
CREATE INDEX volunteer_entries_volunteer_idx ON volunteer_entries (volunteer_id, served_on DESC);
CREATE INDEX volunteer_entries_status_idx ON volunteer_entries (status, created_at);

-- Every change of an entry: created, edited (field → {from, to}), approved, rejected. Never updated.
CREATE TABLE volunteer_entry_changes (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id   text NOT NULL REFERENCES volunteer_entries (id),
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  action     text NOT NULL CHECK (action IN ('created', 'edited', 'approved', 'rejected')),
  changes    jsonb NOT NULL DEFAULT '{}',
  reason     text
);
CREATE INDEX volunteer_entry_changes_entry_idx ON volunteer_entry_changes (entry_id, id);

-- A monthly goal per community or per team (e.g. 550 hours a month for 幸福里社区).
CREATE TABLE volunteer_goals (
  scope_kind    text NOT NULL CHECK (scope_kind IN ('community', 'team')),
  scope_id      text NOT NULL,
  month_minutes integer NOT NULL CHECK (month_minutes > 0),
  updated_by    text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope_kind, scope_id)
);

-- One row: bumped by every statement that writes the tables above.
CREATE TABLE volunteering_revision (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  revision  bigint NOT NULL
);
INSERT INTO volunteering_revision (singleton, revision) VALUES (true, 1);

CREATE FUNCTION volunteering_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE volunteering_revision SET revision = revision + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER volunteer_teams_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer_teams
  FOR EACH STATEMENT EXECUTE FUNCTION volunteering_bump_revision();
CREATE TRIGGER volunteers_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteers
  FOR EACH STATEMENT EXECUTE FUNCTION volunteering_bump_revision();
CREATE TRIGGER volunteer_entries_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer_entries
  FOR EACH STATEMENT EXECUTE FUNCTION volunteering_bump_revision();
CREATE TRIGGER volunteer_goals_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer_goals
  FOR EACH STATEMENT EXECUTE FUNCTION volunteering_bump_revision();
