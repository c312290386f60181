-- Subscribers, every change of their state as an event, and the hashes of forgotten addresses.

CREATE TABLE subscribers (
  id bigserial PRIMARY KEY,
  -- as the reader typed it; email_key (lowercased) is what addresses are compared by
  email text NOT NULL,
  email_key text NOT NULL UNIQUE,
  name text,
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced', 'complained')),
  soft_bounces integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  confirmation_sent_at timestamptz,
  confirmed_at timestamptz
);

CREATE INDEX subscribers_by_status ON subscribers (status, id);

-- After `subscribers forget`, only the SHA-256 of the lowercased address remains, so it stays suppressed.
CREATE TABLE forgotten (
  email_hash text PRIMARY KEY,
  forgotten_at timestamptz NOT NULL
);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  subscriber_id bigint REFERENCES subscribers (id) ON DELETE SET NULL,
  email_hash text NOT NULL,
  type text NOT NULL CHECK (type IN ('subscribed', 'confirmed', 'unsubscribed', 'soft_bounce', 'bounced', 'complained', 'forgotten')),
  -- who or what caused it: web, one-click, bounce:generic, bounce:ses, send, import, cli
  source text NOT NULL,
  -- a bounce's diagnostic or a reason; erased when the person is forgotten
  detail text,
  at timestamptz NOT NULL
);

CREATE INDEX events_by_subscriber ON events (subscriber_id, id);
CREATE INDEX events_by_email_hash ON events (email_hash, id);
