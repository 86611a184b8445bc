-- A caller who leaves the queue for a callback or a voicemail has not abandoned: the contact is diverted.
alter table routing_contacts drop constraint routing_contacts_status_check;
alter table routing_contacts add constraint routing_contacts_status_check
    check (status in ('WAITING', 'OFFERED', 'ASSIGNED', 'COMPLETED', 'ABANDONED', 'DIVERTED'));
