-- The audit trail is append-only: no UPDATE or DELETE (H2 runs triggers as Java classes).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW CALL 'cn.fupin.system.audit.AppendOnly';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW CALL 'cn.fupin.system.audit.AppendOnly';
