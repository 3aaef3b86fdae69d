namespace CountyHealth.Kernel.Auditing;

/// <summary>Marks an entity that holds personal health data: every write to it is audited by the interceptor.</summary>
public interface IPersonalHealthData
{
    Guid Id { get; }

    /// <summary>The resident the record is about, so the audit log can be searched by resident.</summary>
    Guid? AuditResidentId { get; }
}
