using CountyHealth.Kernel.Security;

namespace CountyHealth.Platform.Domain;

/// <summary>
/// The permission matrix: for every declared permission and every role, the reach of the grant. Read from its data
/// file (<c>Access/permission-matrix.tsv</c>) and checked against the permissions the modules declare and the roles
/// that exist: a gap or a stray entry is an error, so the file and the code cannot drift apart.
/// </summary>
public sealed class PermissionMatrix
{
    private readonly Dictionary<string, Dictionary<string, Reach>> cells;

    private PermissionMatrix(IReadOnlyList<Permission> permissions, IReadOnlyList<string> roles, Dictionary<string, Dictionary<string, Reach>> cells)
    {
        Permissions = permissions;
        Roles = roles;
        this.cells = cells;
    }

    /// <summary>The permissions in the order of the file.</summary>
    public IReadOnlyList<Permission> Permissions { get; }

    /// <summary>The roles in the order of the file's columns.</summary>
    public IReadOnlyList<string> Roles { get; }

    public Permission? Find(string code) => Permissions.FirstOrDefault(p => p.Code == code);

    /// <summary>The reach one role has for a permission (<see cref="Reach.None"/> for an unknown role or permission).</summary>
    public Reach ReachOf(string role, string permission) =>
        cells.TryGetValue(permission, out var row) && row.TryGetValue(role, out var reach) ? reach : Reach.None;

    /// <summary>The widest reach any of the user's roles has for a permission: roles add up, none takes away.</summary>
    public Reach ReachOf(IEnumerable<string> roles, string permission)
    {
        var best = Reach.None;
        foreach (var role in roles)
        {
            var r = ReachOf(role, permission);
            if (r > best)
            {
                best = r;
            }
        }
        return best;
    }

    /// <summary>Reads the matrix; throws with every problem found, in Chinese and English, when it does not fit the code.</summary>
    public static PermissionMatrix Parse(string text, IEnumerable<Permission> declared, IEnumerable<string> knownRoles)
    {
        var declaredByCode = new Dictionary<string, Permission>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var p in declared)
        {
            if (!declaredByCode.TryAdd(p.Code, p))
            {
                problems.Add($"permission {p.Code} is declared twice");
            }
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidOperationException("the permission matrix is empty");
        }
        var header = lines[0].Split('\t');
        if (header[0] != "permission")
        {
            problems.Add("the first line must be the header: permission, then one column a role");
        }
        var roles = header.Skip(1).ToList();
        var known = knownRoles.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(roles.Where(r => !known.Contains(r)).Select(r => $"column {r} is not a role"));
        problems.AddRange(known.Where(r => !roles.Contains(r)).Select(r => $"role {r} has no column"));
        problems.AddRange(roles.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"role {g.Key} has two columns"));
        var cells = new Dictionary<string, Dictionary<string, Reach>>(StringComparer.Ordinal);
        var order = new List<Permission>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t');
            var code = fields[0];
            if (!declaredByCode.TryGetValue(code, out var permission))
            {
                problems.Add($"row {code} names no declared permission");
                continue;
            }
            if (cells.ContainsKey(code))
            {
                problems.Add($"permission {code} has two rows");
                continue;
            }
            if (fields.Length != roles.Count + 1)
            {
                problems.Add($"row {code} has {fields.Length - 1} cells for {roles.Count} roles");
                continue;
            }
            var row = new Dictionary<string, Reach>(StringComparer.Ordinal);
            for (var i = 0; i < roles.Count; i++)
            {
                if (ParseReach(fields[i + 1]) is { } reach)
                {
                    row[roles[i]] = reach;
                }
                else
                {
                    problems.Add($"row {code}, role {roles[i]}: '{fields[i + 1]}' is not one of -, own, below, county");
                }
            }
            cells[code] = row;
            order.Add(permission);
        }
        problems.AddRange(declaredByCode.Keys.Where(c => !cells.ContainsKey(c)).Select(c => $"permission {c} has no row"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("权限矩阵与代码不符 (the permission matrix does not fit the code): " + string.Join("; ", problems));
        }
        return new PermissionMatrix(order, roles, cells);
    }

    private static Reach? ParseReach(string cell) => cell switch
    {
        "-" => Reach.None,
        "own" => Reach.Own,
        "below" => Reach.Below,
        "county" => Reach.County,
        _ => null,
    };

    /// <summary>How a cell reads on the matrix page.</summary>
    public static string ChineseName(Reach reach) => reach switch
    {
        Reach.Own => "本机构",
        Reach.Below => "含下级",
        Reach.County => "全县",
        _ => "—",
    };
}
