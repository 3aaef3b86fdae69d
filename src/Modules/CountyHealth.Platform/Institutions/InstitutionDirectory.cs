using System.Collections.Concurrent;
using CountyHealth.Kernel.Data;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Institutions;

/// <summary>
/// The institutions, departments and staff of the county in memory: a few thousand rows that nearly every request
/// reads (scope, names on lists and receipts). Loaded on first use and again after any change through this process
/// (<see cref="Invalidate"/>); a load that overlaps a change is not kept.
/// </summary>
internal sealed class DirectoryCache
{
    private volatile Snapshot? current;
    private int version;

    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        current = null;
    }

    public async ValueTask<Snapshot> GetAsync(CountyHealthDb db, CancellationToken ct)
    {
        if (current is { } ready)
        {
            return ready;
        }
        var seen = Volatile.Read(ref version);
        var institutions = await db.Set<Institution>().AsNoTracking()
            .Select(i => new InstitutionInfo(i.Id, i.Code, i.Name, i.Kind, i.ParentId, i.Address, i.IsTcm)).ToListAsync(ct);
        var departments = await db.Set<Department>().AsNoTracking().ToListAsync(ct);
        var staff = await db.Set<Staff>().AsNoTracking()
            .Select(s => new StaffInfo(s.Id, s.InstitutionId, s.DepartmentId, s.Name, s.Title)).ToListAsync(ct);
        var snapshot = new Snapshot(institutions, departments, staff);
        if (Volatile.Read(ref version) == seen)
        {
            current = snapshot;
        }
        return snapshot;
    }

    internal sealed class Snapshot
    {
        private readonly ILookup<Guid, Guid> children;
        private readonly ConcurrentDictionary<Guid, IReadOnlyCollection<Guid>> subtrees = new();

        public Snapshot(List<InstitutionInfo> institutions, List<Department> departments, List<StaffInfo> staff)
        {
            Institutions = institutions.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
            ById = institutions.ToDictionary(i => i.Id);
            children = institutions.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!.Value, i => i.Id);
            Departments = departments.ToDictionary(d => d.Id);
            Staff = staff.ToDictionary(s => s.Id);
        }

        public IReadOnlyList<InstitutionInfo> Institutions { get; }
        public IReadOnlyDictionary<Guid, InstitutionInfo> ById { get; }
        public IReadOnlyDictionary<Guid, Department> Departments { get; }
        public IReadOnlyDictionary<Guid, StaffInfo> Staff { get; }

        public IReadOnlyCollection<Guid> Subtree(Guid root) => subtrees.GetOrAdd(root, r =>
        {
            var result = new HashSet<Guid>();
            var stack = new Stack<Guid>();
            stack.Push(r);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (result.Add(id))
                {
                    foreach (var c in children[id])
                    {
                        stack.Push(c);
                    }
                }
            }
            return result;
        });
    }
}

internal sealed class InstitutionDirectory(CountyHealthDb db, DirectoryCache cache) : IInstitutionDirectory
{
    public async Task<IReadOnlyCollection<Guid>> SubtreeAsync(Guid institutionId, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).Subtree(institutionId);

    public async Task<InstitutionInfo?> FindAsync(Guid institutionId, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).ById.GetValueOrDefault(institutionId);

    public async Task<IReadOnlyList<InstitutionInfo>> ListAsync(CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).Institutions;

    public async Task<DepartmentInfo?> FindDepartmentAsync(Guid departmentId, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).Departments.GetValueOrDefault(departmentId) is { } d ? new DepartmentInfo(d.Id, d.InstitutionId, d.Name) : null;

    public async Task<StaffInfo?> FindStaffAsync(Guid staffId, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).Staff.GetValueOrDefault(staffId);

    public async Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(Guid institutionId, bool clinicalOnly, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).Departments.Values
            .Where(d => d.InstitutionId == institutionId && d.IsActive && (!clinicalOnly || d.IsClinical))
            .OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new DepartmentInfo(d.Id, d.InstitutionId, d.Name)).ToList();

    public async Task<IReadOnlyList<StaffInfo>> StaffInRoleAsync(Guid institutionId, string role, CancellationToken ct = default) =>
        await (from s in db.Set<Staff>().AsNoTracking()
               join u in db.Users on (Guid?)s.Id equals u.StaffId
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where s.InstitutionId == institutionId && s.IsActive && r.Name == role
               orderby s.Name
               select new StaffInfo(s.Id, s.InstitutionId, s.DepartmentId, s.Name, s.Title)).ToListAsync(ct);
}
