using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// The Chinese name of one kind of record the audit log shows, and the names of its fields. A field named "" is
/// bookkeeping the log does not mention (an update time); a column derived from another (a search column) takes the
/// name of the field it follows, and the two are said once.
/// </summary>
public sealed record AuditedType(string EntityType, string Name, IReadOnlyDictionary<string, string> Fields)
{
    public static AuditedType Of<T>(string name, params (string Field, string Name)[] fields) =>
        new(typeof(T).Name, name, fields.ToDictionary(f => f.Field, f => f.Name, StringComparer.Ordinal));
}

/// <summary>A record found for the audit log's filter, with the resident it is about.</summary>
public sealed record AuditedRecord(string EntityType, Guid Id, Guid ResidentId);

/// <summary>
/// What the audit log knows of one module's records: the Chinese names of their types and fields, a label for a record
/// (its number or name, shown instead of its key), and how to find records by a resident's name or ID number or by a
/// document's number. A module that keeps records of personal health data has one (a test fails while a type or field
/// of such a record has no Chinese name); the host registers every one it finds in a module's assembly.
/// </summary>
public abstract class AuditedRecords
{
    public abstract IReadOnlyList<AuditedType> Types { get; }

    /// <summary>Labels the records of this module's types that one page of the log shows: one query per type at most.</summary>
    public virtual Task LabelAsync(AuditLabels labels, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Residents with this name or ID number, at most <paramref name="take"/>; only those known at the given institutions
    /// unless <paramref name="within"/> is null (the whole county).
    /// </summary>
    public virtual Task<IReadOnlyList<Guid>> FindResidentsAsync(string nameOrIdNumber, IReadOnlyCollection<Guid>? within, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Guid>>([]);

    /// <summary>Records that carry one of these document numbers (就诊号, 处方号, 收据号), compared as stored.</summary>
    public virtual Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditedRecord>>([]);
}

/// <summary>
/// The records and residents one page of the audit log names, and the labels the modules give them, so that the page
/// shows 张三 and MZ20261201-0042 where the rows hold keys. Each module labels the types it keeps.
/// </summary>
public sealed class AuditLabels
{
    private readonly Dictionary<string, HashSet<string>> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Key), string> labels = [];
    private readonly HashSet<Guid> residents = [];
    private readonly Dictionary<Guid, string> residentNames = [];

    public void Want(string entityType, string? key)
    {
        if (key is not null)
        {
            (keys.TryGetValue(entityType, out var set) ? set : keys[entityType] = new(StringComparer.Ordinal)).Add(key);
        }
    }

    public void WantResident(Guid? residentId)
    {
        if (residentId is { } id)
        {
            residents.Add(id);
        }
    }

    /// <summary>The keys of one type the page shows.</summary>
    public IReadOnlyCollection<string> KeysOf(string entityType) => keys.TryGetValue(entityType, out var set) ? set : [];

    /// <summary>The keys of one type that are record ids (a key that is not, such as a resident's id on a list of her visits, has no label).</summary>
    public IReadOnlyList<Guid> IdsOf(string entityType) =>
        KeysOf(entityType).Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();

    /// <summary>The residents the page's rows are about.</summary>
    public IReadOnlyCollection<Guid> Residents => residents;

    public void Set(string entityType, string key, string label) => labels[(entityType, key)] = label;

    /// <summary>Labels a record by its id, which the log stores as the id's text (<see cref="Guid.ToString()"/>).</summary>
    public void Set(string entityType, Guid id, string label) => labels[(entityType, id.ToString())] = label;

    public void SetResident(Guid residentId, string name) => residentNames[residentId] = name;

    public string? Of(string entityType, string? key) => key is not null && labels.TryGetValue((entityType, key), out var label) ? label : null;

    public string? ResidentName(Guid? residentId) => residentId is { } id && residentNames.TryGetValue(id, out var name) ? name : null;
}

/// <summary>
/// The Chinese names of every audited type and field, and how a row's detail reads: a write's changed fields and parts
/// (<see cref="ChangedParts"/>) in Chinese, anything else as stored.
/// </summary>
public sealed class AuditVocabulary
{
    private readonly Dictionary<string, AuditedType> types;

    public AuditVocabulary(IEnumerable<AuditedType> all)
    {
        types = new Dictionary<string, AuditedType>(StringComparer.Ordinal);
        foreach (var t in all)
        {
            if (!types.TryAdd(t.EntityType, t))
            {
                throw new InvalidOperationException($"Two modules name the audited type {t.EntityType}.");
            }
        }
    }

    public IReadOnlyCollection<AuditedType> Types => types.Values;

    public string EntityName(string entityType) => types.TryGetValue(entityType, out var t) ? t.Name : entityType;

    public string FieldName(string entityType, string field) =>
        types.TryGetValue(entityType, out var t) && t.Fields.TryGetValue(field, out var name) ? name : field;

    /// <summary>The row's detail as the auditor reads it: 修改：主诉、现病史；新增诊断：I10 原发性高血压.</summary>
    public string? Describe(string action, string entityType, string? detail)
    {
        if (string.IsNullOrEmpty(detail) || action is not (AuditActions.Create or AuditActions.Update or AuditActions.Delete))
        {
            return detail;
        }
        var fields = new List<string>();
        var parts = new List<(string Type, char Change, List<string> Labels)>();
        foreach (var token in detail.Split(ChangedParts.Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ChangedParts.TryRead(token, out var type, out var change, out var label))
            {
                var group = parts.FindIndex(p => p.Type == type && p.Change == change);
                if (group < 0)
                {
                    parts.Add((type, change, [label]));
                }
                else
                {
                    parts[group].Labels.Add(label);
                }
            }
            else if (FieldName(entityType, token) is { Length: > 0 } name)
            {
                fields.Add(name);
            }
        }
        var said = new List<string>();
        if (fields.Count > 0)
        {
            said.Add("修改：" + string.Join("、", fields.Distinct(StringComparer.Ordinal)));
        }
        foreach (var (type, change, labels) in parts)
        {
            var verb = change switch
            {
                ChangedParts.Added => "新增",
                ChangedParts.Removed => "删除",
                _ => "修改",
            };
            said.Add($"{verb}{EntityName(type)}：{string.Join("、", labels)}");
        }
        return said.Count == 0 ? null : string.Join("；", said);
    }
}

/// <summary>
/// How the audit row of a write lists what changed: the names of the changed fields and, for each changed part, its
/// type, + (added), - (removed) or ~ (changed), and its label — "ChiefComplaint,VisitDiagnosis+I10 原发性高血压". Kept
/// in English names, read in Chinese by <see cref="AuditVocabulary"/>, so the names may improve without rewriting rows.
/// </summary>
public static class ChangedParts
{
    public const char Separator = ',';
    public const char Added = '+';
    public const char Removed = '-';
    public const char Changed = '~';

    public static string Token(string partType, char change, string label) =>
        partType + change + label.Replace(Separator, '，');

    public static bool TryRead(string token, out string partType, out char change, out string label)
    {
        var at = token.IndexOfAny([Added, Removed, Changed]);
        // A field's name is an identifier; anything before a sign that is not is no part's type either.
        if (at > 0 && token.AsSpan(0, at).ContainsAnyExcept(IdentifierChars))
        {
            at = -1;
        }
        partType = at > 0 ? token[..at] : "";
        change = at > 0 ? token[at] : '\0';
        label = at > 0 ? token[(at + 1)..] : "";
        return at > 0;
    }

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
}

public static class AuditedRecordsRegistration
{
    /// <summary>Registers every non-abstract <see cref="AuditedRecords"/> of the assembly, scoped: a module cannot forget its own.</summary>
    public static IServiceCollection AddAuditedRecords(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(AuditedRecords))))
        {
            services.AddScoped(typeof(AuditedRecords), type);
        }
        return services;
    }
}
