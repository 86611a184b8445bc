-- Tandem keeps every time in UTC (timestamptz) and every phone number in E.164.
SET TIME ZONE 'UTC';
