-- China's official working-day calendar: the State Council's holidays (HOLIDAY) and make-up working days on
-- weekends (WORKDAY, 调休). Every other date is a working day by weekday.
CREATE TABLE calendar_day (
    day        DATE PRIMARY KEY,
    kind       VARCHAR(8)   NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name       VARCHAR(100),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
