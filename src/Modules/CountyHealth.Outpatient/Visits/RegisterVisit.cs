using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

/// <summary>A visit to register: the resident, a department of the user's institution, optionally a doctor, and the registration kind (挂号类别).</summary>
public sealed record VisitRequest(Guid ResidentId, Guid DepartmentId, Guid? DoctorStaffId, string? RegistrationItemCode);

public sealed record VisitRegistered(Guid VisitId, string VisitNumber, int QueueNumber, string DepartmentName, string? DoctorName, IReadOnlyList<Guid> ChargeIds, decimal Fee);

/// <summary>Registers a visit (挂号): the next queue number of the department and day, and the registration fee as an open charge.</summary>
internal sealed class RegisterVisit(CountyHealthDb db, ICurrentUser user, IResidentDirectory residents, IInstitutionDirectory institutions,
    IPriceCatalogue prices, IChargeService charges, TimeProvider clock) : IUseCase
{
    public const string DefaultRegistrationItem = "GH001";

    public async Task<Results<Created<VisitRegistered>, ValidationProblem, ProblemHttpResult>> HandleAsync(VisitRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        if (await residents.FindVisibleAsync(r.ResidentId, ct) is null)
        {
            // The cashier's institution may see the resident only once she is registered there; allow registering a resident
            // found county-wide by ID number (linked on registration), else refuse.
            e.Add("residentId", "请先查找或登记居民");
        }
        var dept = await institutions.FindDepartmentAsync(r.DepartmentId, ct);
        if (dept is null || dept.InstitutionId != user.InstitutionId)
        {
            e.Add("departmentId", "请选择本机构的科室");
        }
        string? doctorName = null;
        if (r.DoctorStaffId is { } docId)
        {
            var doctor = await institutions.FindStaffAsync(docId, ct);
            if (doctor is null || doctor.InstitutionId != user.InstitutionId)
            {
                e.Add("doctorStaffId", "请选择本机构的医生");
            }
            doctorName = doctor?.Name;
        }
        var fee = await prices.FindAsync(string.IsNullOrWhiteSpace(r.RegistrationItemCode) ? DefaultRegistrationItem : r.RegistrationItemCode, ct);
        if (fee is null || fee.Kind != "Registration")
        {
            e.Add("registrationItemCode", "请选择挂号类别");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DayOf(now);
        // One atomic upsert hands out the next number (SQLite ≥ 3.35 and PostgreSQL share the syntax).
        var next = (await db.Database.SqlQuery<int>($"""
            INSERT INTO queue_counters ("DepartmentId", "VisitDate", "Last")
            VALUES ({r.DepartmentId}, {today}, 1 + (SELECT COALESCE(MAX("QueueNumber"), 0) FROM visits WHERE "DepartmentId" = {r.DepartmentId} AND "VisitDate" = {today}))
            ON CONFLICT ("DepartmentId", "VisitDate") DO UPDATE SET "Last" = queue_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        var visit = new Visit
        {
            ResidentId = r.ResidentId,
            InstitutionId = user.InstitutionId!.Value,
            DepartmentId = r.DepartmentId,
            DoctorStaffId = r.DoctorStaffId,
            VisitDate = today,
            QueueNumber = next,
            RegisteredAt = now,
            RegisteredBy = user.UserName,
        };
        visit.VisitNumber = await DocumentNumbers.NextAsync(db, visit.InstitutionId, DocumentNumbers.Visit, today, ct);
        db.Add(visit);
        await residents.LinkToInstitutionAsync(r.ResidentId, visit.InstitutionId, ct);
        var chargeIds = await charges.AddAsync(new BillingEncounter(visit.Id, r.ResidentId, visit.InstitutionId, visit.DepartmentId),
            [new ChargeLine(OutpatientKinds.Registration, visit.Id, visit.Id, fee!.Code, fee.Name, fee.Unit, 1, fee.Price, RevenueCategories.Registration, fee.InsuranceClass)], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/visits/{visit.Id}", new VisitRegistered(visit.Id, visit.VisitNumber, visit.QueueNumber, dept!.Name, doctorName, chargeIds, fee.Price));
    }
}

public sealed record RegistrationChoices(IReadOnlyList<DepartmentInfo> Departments, IReadOnlyList<StaffInfo> Doctors, IReadOnlyList<PriceItemInfo> Fees);

/// <summary>What the registration desk chooses from: the institution's clinical departments, its doctors and the registration kinds.</summary>
internal sealed class ListRegistrationChoices(ICurrentUser user, IInstitutionDirectory institutions, IPriceCatalogue prices) : IUseCase
{
    public async Task<RegistrationChoices> HandleAsync(CancellationToken ct)
    {
        var inst = user.InstitutionId ?? Guid.Empty;
        return new(await institutions.DepartmentsAsync(inst, true, ct), await institutions.StaffInRoleAsync(inst, Roles.Doctor, ct),
            await prices.SearchAsync("Registration", null, ct));
    }
}
