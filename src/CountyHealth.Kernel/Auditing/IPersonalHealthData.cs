namespace CountyHealth.Kernel.Auditing;

/// <summary>Marks an entity that holds personal health data: every write to it is audited by the interceptor.</summary>
public interface IPersonalHealthData
{
    Guid Id { get; }

    /// <summary>The resident the record is about, so the audit log can be searched by resident.</summary>
    Guid? AuditResidentId { get; }
}

/// <summary>
/// Marks a part written with a record of personal health data (a visit's diagnosis): what was added, removed or changed
/// is told in the audit row of the record it belongs to, by its label, rather than in a row of its own.
/// </summary>
public interface IPersonalHealthDataPart
{
    /// <summary>The <see cref="IPersonalHealthData.Id"/> of the record the part belongs to.</summary>
    Guid AuditOwnerId { get; }

    /// <summary>What the audit row says of the part, short (a diagnosis code and its name); the auditor reads it.</summary>
    string AuditLabel { get; }
}
