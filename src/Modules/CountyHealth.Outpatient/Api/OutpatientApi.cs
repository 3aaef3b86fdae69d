using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Outpatient.Api;

public sealed record VisitRequest(Guid ResidentId, Guid DepartmentId, Guid? DoctorStaffId, string? RegistrationItemCode);
public sealed record VisitRegistered(Guid VisitId, string VisitNumber, int QueueNumber, string DepartmentName, string? DoctorName, IReadOnlyList<Guid> ChargeIds, decimal Fee);
public sealed record QueueRow(Guid VisitId, string VisitNumber, int QueueNumber, Guid ResidentId, string ResidentName, string SexName, int Age, string DepartmentName,
    string? DoctorName, string Status, string StatusName, string RegisteredAtChina);
public sealed record RecordRequest(string? ChiefComplaint, string? PresentIllness, string? PastHistory, string? Allergies, string? PhysicalExam, string? Advice,
    int? SystolicBp, int? DiastolicBp, decimal? Temperature, int? Pulse, int? RespiratoryRate, decimal? WeightKg, decimal? HeightCm, decimal? FastingGlucose);
public sealed record DiagnosisRequest(string Code, bool IsPrimary);
public sealed record DiagnosesRequest(IReadOnlyList<DiagnosisRequest> Diagnoses);
public sealed record PrescriptionItemRequest(Guid DrugId, decimal Dose, string Frequency, string? Route, int Days);
public sealed record PrescriptionRequest(IReadOnlyList<PrescriptionItemRequest> Items);
public sealed record OrdersRequest(IReadOnlyList<string> ItemCodes);
public sealed record DiagnosisRow(string Code, string Name, bool IsPrimary);
public sealed record PrescriptionItemRow(Guid Id, Guid DrugId, string DrugName, string Specification, decimal Dose, string DoseUnit, string Frequency, string FrequencyName,
    string Route, int Days, int Quantity, string PackUnit, decimal UnitPrice, decimal Amount, string Status, string Usage);
public sealed record PrescriptionRow(Guid Id, string Number, string Status, string StatusName, string PrescriberName, string CreatedAtChina, decimal Amount, bool Editable, IReadOnlyList<PrescriptionItemRow> Items);
public sealed record OrderRow(Guid Id, string ItemCode, string Name, string Kind, int Quantity, decimal UnitPrice, string Status);
public sealed record VisitDetail(Guid Id, string VisitNumber, int QueueNumber, string Status, string StatusName, string InstitutionName, string DepartmentName, string? DoctorName,
    string RegisteredAtChina, DateOnly VisitDate, Guid ResidentId, string ResidentName, string SexName, int Age, string? IdNumber, string? Phone, string? Address,
    RecordRequest Record, decimal? Bmi, IReadOnlyList<DiagnosisRow> Diagnoses, IReadOnlyList<PrescriptionRow> Prescriptions, IReadOnlyList<OrderRow> Orders);
public sealed record FrequencyRow(string Code, string Name);

internal static class OutpatientApi
{
    public static void MapOutpatientEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/frequencies", () => Frequencies.All.Select(f => new FrequencyRow(f.Code, f.ChineseName)))
            .RequireAuthorization().WithTags("门诊").WithName("ListFrequencies").WithSummary("给药频次");
        var g = app.MapGroup("/api/v1").WithTags("门诊");
        g.MapPost("/visits", Register).RequireAuthorization(p => p.RequireRole(Roles.CashierDesk.Split(','))).WithName("RegisterVisit").WithSummary("挂号：登记一次就诊并生成挂号费");
        g.MapGet("/visits", Queue).RequireAuthorization().WithName("VisitQueue").WithSummary("就诊队列（本机构，某日，可按科室、医生、状态过滤）");
        g.MapGet("/visits/{id:guid}", Get).RequireAuthorization().WithName("GetVisit").WithSummary("就诊详情与门诊病历");
        var doc = g.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Clinicians.Split(',')));
        doc.MapPut("/visits/{id:guid}/record", SaveRecord).WithName("SaveVisitRecord").WithSummary("保存主诉、病史、查体与生命体征");
        doc.MapPut("/visits/{id:guid}/diagnoses", SaveDiagnoses).WithName("SaveDiagnoses").WithSummary("保存诊断（ICD-10）");
        doc.MapPost("/visits/{id:guid}/prescriptions", CreatePrescription).WithName("CreatePrescription").WithSummary("开西药处方（自动计算发药数量并生成费用）");
        doc.MapPut("/prescriptions/{id:guid}", UpdatePrescription).WithName("UpdatePrescription").WithSummary("修改未收费的处方");
        doc.MapDelete("/prescriptions/{id:guid}", CancelPrescription).WithName("CancelPrescription").WithSummary("作废未收费的处方");
        doc.MapPost("/visits/{id:guid}/orders", AddOrders).WithName("AddOrders").WithSummary("开检查、检验、治疗项目（生成费用）");
        doc.MapPost("/visits/{id:guid}/finish", Finish).WithName("FinishVisit").WithSummary("完成接诊");
    }

    internal static string StatusName(VisitStatus s) => s switch
    {
        VisitStatus.Waiting => "候诊",
        VisitStatus.InProgress => "就诊中",
        VisitStatus.Finished => "已就诊",
        _ => "已退号",
    };

    internal static string StatusName(PrescriptionStatus s) => s switch
    {
        PrescriptionStatus.Open => "待收费",
        PrescriptionStatus.Paid => "已收费待发药",
        PrescriptionStatus.Dispensed => "已发药",
        _ => "已作废",
    };

    internal static async Task<Results<Created<VisitRegistered>, ValidationProblem, ProblemHttpResult>> Register(VisitRequest r, CountyHealthDb db, ICurrentUser user,
        IResidentDirectory residents, IInstitutionDirectory institutions, IPriceCatalogue prices, IChargeService charges, TimeProvider clock, CancellationToken ct)
    {
        var e = new FieldErrors();
        var resident = await residents.FindVisibleAsync(r.ResidentId, ct);
        if (resident is null)
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
        var fee = await prices.FindAsync(string.IsNullOrWhiteSpace(r.RegistrationItemCode) ? "GH001" : r.RegistrationItemCode, ct);
        if (fee is null || fee.Kind != "Registration")
        {
            e.Add("registrationItemCode", "请选择挂号类别");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
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
        // 48 random bits of the v7 id: a county's day of visits never collides (32 bits did, at tens of thousands a day).
        visit.VisitNumber = "MZ" + today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + visit.Id.ToString("N")[^12..].ToUpperInvariant();
        db.Add(visit);
        await residents.LinkToInstitutionAsync(r.ResidentId, visit.InstitutionId, ct);
        var chargeIds = await charges.AddAsync(new VisitBilling(visit.Id, r.ResidentId, visit.InstitutionId, visit.DepartmentId),
            [new ChargeLine(ChargeSource.Registration, visit.Id, visit.Id, fee!.Code, fee.Name, fee.Unit, 1, fee.Price)], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/visits/{visit.Id}", new VisitRegistered(visit.Id, visit.VisitNumber, visit.QueueNumber, dept!.Name, doctorName, chargeIds, fee.Price));
    }

    internal static async Task<List<QueueRow>> Queue(DateOnly? date, Guid? departmentId, Guid? doctorStaffId, string? status, ICurrentUser user, CountyHealthDb db,
        IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var day = date ?? ChinaTime.Today(clock);
        var q = db.Set<Visit>().AsNoTracking().Where(v => v.InstitutionId == user.InstitutionId && v.VisitDate == day);
        q = departmentId is { } d ? q.Where(v => v.DepartmentId == d) : q;
        q = doctorStaffId is { } doc ? q.Where(v => v.DoctorStaffId == doc || v.DoctorStaffId == null) : q;
        if (Enum.TryParse<VisitStatus>(status, true, out var st))
        {
            q = q.Where(v => v.Status == st);
        }
        var visits = await q.OrderBy(v => v.Status).ThenBy(v => v.QueueNumber).Take(500).ToListAsync(ct);
        var names = await residents.GetManyAsync(visits.Select(v => v.ResidentId), ct);
        var rows = new List<QueueRow>();
        var depts = new Dictionary<Guid, string>();
        var docs = new Dictionary<Guid, string?>();
        foreach (var v in visits)
        {
            if (!depts.TryGetValue(v.DepartmentId, out var dn))
            {
                depts[v.DepartmentId] = dn = (await institutions.FindDepartmentAsync(v.DepartmentId, ct))?.Name ?? "";
            }
            string? docName = null;
            if (v.DoctorStaffId is { } sid && !docs.TryGetValue(sid, out docName))
            {
                docs[sid] = docName = (await institutions.FindStaffAsync(sid, ct))?.Name;
            }
            var res = names.GetValueOrDefault(v.ResidentId);
            rows.Add(new QueueRow(v.Id, v.VisitNumber, v.QueueNumber, v.ResidentId, res?.Name ?? "", res?.SexName ?? "", res?.AgeOn(day) ?? 0, dn, docName,
                v.Status.ToString(), StatusName(v.Status), ChinaTime.Format(v.RegisteredAt)));
        }
        await audit.WriteAsync(AuditActions.Search, nameof(Visit), null, detail: $"就诊队列 {day:yyyy-MM-dd}: {rows.Count} 人");
        return rows;
    }

    private static async Task<(Visit? Visit, ProblemHttpResult? Problem)> LoadOwnVisit(Guid id, CountyHealthDb db, ICurrentUser user, IAccessScope scope, AuditLog audit, bool write, CancellationToken ct)
    {
        var visit = await db.Set<Visit>().Include(v => v.Diagnoses).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return (null, Problems.NotFound("未找到该就诊记录"));
        }
        var allowed = write ? visit.InstitutionId == user.InstitutionId : await scope.CanSeeInstitutionAsync(visit.InstitutionId, ct);
        if (!allowed)
        {
            await audit.WriteAsync(AuditActions.Denied, nameof(Visit), id.ToString(), visit.ResidentId, "不在本机构及下级机构范围内");
            return (null, Problems.NotFound("未找到该就诊记录"));
        }
        return (visit, null);
    }

    internal static async Task<Results<Ok<VisitDetail>, ProblemHttpResult>> Get(Guid id, CountyHealthDb db, ICurrentUser user, IAccessScope scope, AuditLog audit,
        IResidentDirectory residents, IInstitutionDirectory institutions, TimeProvider clock, CancellationToken ct)
    {
        var (visit, problem) = await LoadOwnVisit(id, db, user, scope, audit, write: false, ct);
        if (visit is null)
        {
            return problem!;
        }
        var res = (await residents.GetManyAsync([visit.ResidentId], ct))[visit.ResidentId];
        var inst = await institutions.FindAsync(visit.InstitutionId, ct);
        var dept = await institutions.FindDepartmentAsync(visit.DepartmentId, ct);
        var doc = visit.DoctorStaffId is { } d ? await institutions.FindStaffAsync(d, ct) : null;
        var prescriptions = await db.Set<Prescription>().AsNoTracking().Include(p => p.Items).Where(p => p.VisitId == id).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var orders = await db.Set<VisitOrder>().AsNoTracking().Where(o => o.VisitId == id).OrderBy(o => o.OrderedAt).ToListAsync(ct);
        await audit.WriteAsync(AuditActions.Read, nameof(Visit), id.ToString(), visit.ResidentId);
        var record = new RecordRequest(visit.ChiefComplaint, visit.PresentIllness, visit.PastHistory, visit.Allergies, visit.PhysicalExam, visit.Advice,
            visit.SystolicBp, visit.DiastolicBp, visit.Temperature, visit.Pulse, visit.RespiratoryRate, visit.WeightKg, visit.HeightCm, visit.FastingGlucose);
        return TypedResults.Ok(new VisitDetail(visit.Id, visit.VisitNumber, visit.QueueNumber, visit.Status.ToString(), StatusName(visit.Status), inst?.Name ?? "", dept?.Name ?? "",
            doc?.Name, ChinaTime.Format(visit.RegisteredAt), visit.VisitDate, res.Id, res.Name, res.SexName, res.AgeOn(visit.VisitDate), res.IdNumber, res.Phone, res.Address,
            record, VitalSignsRules.Bmi(visit.WeightKg, visit.HeightCm),
            visit.Diagnoses.OrderBy(x => x.Position).Select(x => new DiagnosisRow(x.Code, x.Name, x.IsPrimary)).ToList(),
            prescriptions.Select(ToRow).ToList(),
            orders.Select(o => new OrderRow(o.Id, o.ItemCode, o.Name, o.Kind, o.Quantity, o.UnitPrice, o.Status.ToString())).ToList()));
    }

    internal static PrescriptionRow ToRow(Prescription p) => new(p.Id, p.Number, p.Status.ToString(), StatusName(p.Status), p.PrescriberName, ChinaTime.Format(p.CreatedAt),
        p.Items.Where(i => i.Status != ItemStatus.Refunded).Sum(i => decimal.Round(i.Quantity * i.UnitPrice, 2, MidpointRounding.AwayFromZero)), p.Status == PrescriptionStatus.Open,
        p.Items.OrderBy(i => i.Position).Select(i => new PrescriptionItemRow(i.Id, i.DrugId, i.DrugName, i.Specification, i.Dose, i.DoseUnit, i.FrequencyCode,
            Frequencies.Find(i.FrequencyCode)?.ChineseName ?? i.FrequencyCode, i.Route, i.Days, i.Quantity, i.PackUnit, i.UnitPrice,
            decimal.Round(i.Quantity * i.UnitPrice, 2, MidpointRounding.AwayFromZero), i.Status.ToString(), OutpatientBillingHandlers.Usage(i))).ToList());

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveRecord(Guid id, RecordRequest r, CountyHealthDb db, ICurrentUser user, IAccessScope scope,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (visit, problem) = await LoadOwnVisit(id, db, user, scope, audit, write: true, ct);
        if (visit is null)
        {
            return problem!;
        }
        var e = VitalSignsRules.Validate(new VitalSigns(r.SystolicBp, r.DiastolicBp, r.Temperature, r.Pulse, r.RespiratoryRate, r.WeightKg, r.HeightCm, r.FastingGlucose));
        if (r.ChiefComplaint is { Length: > 500 })
        {
            e.Add("chiefComplaint", "主诉不能超过500字");
        }
        foreach (var (field, value, label, max) in new[] { ("presentIllness", r.PresentIllness, "现病史", 2000), ("pastHistory", r.PastHistory, "既往史", 1000),
                     ("allergies", r.Allergies, "过敏史", 500), ("physicalExam", r.PhysicalExam, "体格检查", 2000), ("advice", r.Advice, "处理意见", 1000) })
        {
            if (value is not null && value.Length > max)
            {
                e.Add(field, $"{label}不能超过{max}字");
            }
        }
        if (visit.Status == VisitStatus.Cancelled)
        {
            return Problems.Conflict("该就诊已退号");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (visit.ChiefComplaint, visit.PresentIllness, visit.PastHistory, visit.Allergies, visit.PhysicalExam, visit.Advice) =
            (r.ChiefComplaint?.Trim(), r.PresentIllness?.Trim(), r.PastHistory?.Trim(), r.Allergies?.Trim(), r.PhysicalExam?.Trim(), r.Advice?.Trim());
        (visit.SystolicBp, visit.DiastolicBp, visit.Temperature, visit.Pulse, visit.RespiratoryRate, visit.WeightKg, visit.HeightCm, visit.FastingGlucose) =
            (r.SystolicBp, r.DiastolicBp, r.Temperature, r.Pulse, r.RespiratoryRate, r.WeightKg, r.HeightCm, r.FastingGlucose);
        StartIfWaiting(visit, clock, user);
        visit.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void StartIfWaiting(Visit visit, TimeProvider clock, ICurrentUser user)
    {
        // A visit registered to the department (no doctor chosen) belongs to the doctor who sees it.
        visit.DoctorStaffId ??= user.StaffId;
        if (visit.Status == VisitStatus.Waiting)
        {
            visit.Status = VisitStatus.InProgress;
            visit.SeenAt = clock.GetUtcNow().UtcDateTime;
        }
    }

    internal static async Task<Results<Ok<List<DiagnosisRow>>, ValidationProblem, ProblemHttpResult>> SaveDiagnoses(Guid id, DiagnosesRequest r, CountyHealthDb db, ICurrentUser user,
        IAccessScope scope, AuditLog audit, IDiagnosisDictionary dictionary, TimeProvider clock, CancellationToken ct)
    {
        var (visit, problem) = await LoadOwnVisit(id, db, user, scope, audit, write: true, ct);
        if (visit is null)
        {
            return problem!;
        }
        var e = new FieldErrors();
        var list = r.Diagnoses ?? [];
        var found = new List<(DiagnosisCode Code, bool Primary)>();
        for (var i = 0; i < list.Count; i++)
        {
            var code = await dictionary.FindAsync(list[i].Code ?? "", ct);
            if (code is null)
            {
                e.Add($"diagnoses[{i}].code", $"诊断编码“{list[i].Code}”不在 ICD-10 字典中");
            }
            else if (found.Any(f => f.Code.Code == code.Code))
            {
                e.Add($"diagnoses[{i}].code", $"诊断“{code.Name}”重复");
            }
            else
            {
                found.Add((code, list[i].IsPrimary));
            }
        }
        if (list.Count(x => x.IsPrimary) > 1)
        {
            e.Add("diagnoses", "只能有一个主要诊断");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        db.RemoveRange(visit.Diagnoses);
        visit.Diagnoses = found.Select((f, i) => new VisitDiagnosis { VisitId = visit.Id, Code = f.Code.Code, Name = f.Code.Name, IsPrimary = f.Primary || (i == 0 && !found.Any(x => x.Primary)), Position = i }).ToList();
        StartIfWaiting(visit, clock, user);
        visit.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(visit.Diagnoses.Select(x => new DiagnosisRow(x.Code, x.Name, x.IsPrimary)).ToList());
    }

    /// <summary>Validates the lines against the catalogue and the stock of the visit's pharmacy, and builds the items.</summary>
    private static async Task<(List<PrescriptionItem> Items, FieldErrors Errors)> BuildItems(PrescriptionRequest r, Guid institutionId, IDrugCatalogue catalogue, CancellationToken ct)
    {
        var e = new FieldErrors();
        var lines = r.Items ?? [];
        if (lines.Count == 0)
        {
            e.Add("items", "处方至少要有一种药品");
        }
        if (lines.Count > 5)
        {
            // 《处方管理办法》：每张处方不得超过5种药品。
            e.Add("items", "每张处方不得超过5种药品");
        }
        var drugs = await catalogue.GetManyAsync(institutionId, lines.Select(l => l.DrugId), ct);
        var items = new List<PrescriptionItem>();
        var wanted = new Dictionary<Guid, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var f = $"items[{i}]";
            if (!drugs.TryGetValue(l.DrugId, out var drug))
            {
                e.Add($"{f}.drugId", "请选择药品");
                continue;
            }
            var freq = Frequencies.Find(l.Frequency ?? "");
            if (l.Dose <= 0)
            {
                e.Add($"{f}.dose", $"{drug.Name}的单次剂量必须大于0");
            }
            else if (l.Dose > drug.DoseUnitsPerBaseUnit * 20)
            {
                e.Add($"{f}.dose", $"{drug.Name}的单次剂量{l.Dose}{drug.DoseUnit}过大，请核对");
            }
            if (freq is null)
            {
                e.Add($"{f}.frequency", "请选择用药频次");
            }
            if (l.Days is < 1 or > 90)
            {
                e.Add($"{f}.days", "用药天数应在1～90天之间");
            }
            if (l.Dose <= 0 || freq is null || l.Days is < 1 or > 90 || l.Dose > drug.DoseUnitsPerBaseUnit * 20)
            {
                continue;
            }
            var qty = DispenseQuantity.Compute(l.Dose, drug.DoseUnitsPerBaseUnit, drug.BaseUnitsPerPack, freq, l.Days);
            wanted[drug.Id] = wanted.GetValueOrDefault(drug.Id) + qty.Packs;
            if (wanted[drug.Id] > drug.AvailablePacks)
            {
                e.Add($"{f}.drugId", drug.AvailablePacks == 0 ? $"{drug.Name}无库存，不能开具" : $"{drug.Name}库存不足：需{wanted[drug.Id]}{drug.PackUnit}，可用{drug.AvailablePacks}{drug.PackUnit}");
            }
            items.Add(new PrescriptionItem
            {
                Position = i,
                DrugId = drug.Id,
                DrugName = drug.Name,
                Specification = drug.Specification,
                Dose = l.Dose,
                DoseUnit = drug.DoseUnit,
                FrequencyCode = freq.Code,
                Route = string.IsNullOrWhiteSpace(l.Route) ? drug.DefaultRoute : l.Route.Trim(),
                Days = l.Days,
                Quantity = qty.Packs,
                PackUnit = drug.PackUnit,
                UnitPrice = drug.RetailPrice,
            });
        }
        return (items, e);
    }

    private static IEnumerable<ChargeLine> ChargeLines(Prescription p) => p.Items.Select(i =>
        new ChargeLine(ChargeSource.PrescriptionItem, p.Id, i.Id, "RX", $"{i.DrugName} {i.Specification}", i.PackUnit, i.Quantity, i.UnitPrice));

    internal static async Task<Results<Created<PrescriptionRow>, ValidationProblem, ProblemHttpResult>> CreatePrescription(Guid id, PrescriptionRequest r, CountyHealthDb db,
        ICurrentUser user, IAccessScope scope, AuditLog audit, IDrugCatalogue catalogue, IChargeService charges, TimeProvider clock, CancellationToken ct)
    {
        var (visit, problem) = await LoadOwnVisit(id, db, user, scope, audit, write: true, ct);
        if (visit is null)
        {
            return problem!;
        }
        if (visit.Status is VisitStatus.Cancelled)
        {
            return Problems.Conflict("该就诊已退号，不能开处方");
        }
        var (items, e) = await BuildItems(r, visit.InstitutionId, catalogue, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var p = new Prescription
        {
            VisitId = visit.Id,
            ResidentId = visit.ResidentId,
            InstitutionId = visit.InstitutionId,
            PrescriberStaffId = user.StaffId,
            PrescriberName = user.FullName,
            CreatedAt = now,
            Items = items,
        };
        p.Number = "CF" + ChinaTime.ToChina(now).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + p.Id.ToString("N")[^12..].ToUpperInvariant();
        db.Add(p);
        await charges.AddAsync(new VisitBilling(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DepartmentId), ChargeLines(p), ct);
        StartIfWaiting(visit, clock, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/prescriptions/{p.Id}", ToRow(p));
    }

    internal static async Task<Results<Ok<PrescriptionRow>, ValidationProblem, ProblemHttpResult>> UpdatePrescription(Guid id, PrescriptionRequest r, CountyHealthDb db,
        ICurrentUser user, IAccessScope scope, AuditLog audit, IDrugCatalogue catalogue, IChargeService charges, CancellationToken ct)
    {
        var p = await db.Set<Prescription>().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return Problems.NotFound("未找到该处方");
        }
        var (visit, problem) = await LoadOwnVisit(p.VisitId, db, user, scope, audit, write: true, ct);
        if (visit is null)
        {
            return problem!;
        }
        if (p.Status != PrescriptionStatus.Open || !await charges.RemoveOpenAsync(p.Id, ct))
        {
            return Problems.Conflict("处方已收费，不能修改；如需调整请先退费");
        }
        var (items, e) = await BuildItems(r, visit.InstitutionId, catalogue, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        db.RemoveRange(p.Items);
        p.Items = items;
        p.Version++;
        await charges.AddAsync(new VisitBilling(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DepartmentId), ChargeLines(p), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToRow(p));
    }

    internal static Task<Results<NoContent, ProblemHttpResult>> CancelPrescriptionForUi(Guid id, IServiceProvider sp) =>
        CancelPrescription(id, sp.GetRequiredService<CountyHealthDb>(), sp.GetRequiredService<ICurrentUser>(), sp.GetRequiredService<IAccessScope>(),
            sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<IChargeService>(), CancellationToken.None);

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelPrescription(Guid id, CountyHealthDb db, ICurrentUser user, IAccessScope scope, AuditLog audit,
        IChargeService charges, CancellationToken ct)
    {
        var p = await db.Set<Prescription>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || (await LoadOwnVisit(p.VisitId, db, user, scope, audit, write: true, ct)).Visit is null)
        {
            return Problems.NotFound("未找到该处方");
        }
        if (p.Status != PrescriptionStatus.Open || !await charges.RemoveOpenAsync(p.Id, ct))
        {
            return Problems.Conflict("处方已收费，不能作废；如需调整请先退费");
        }
        p.Status = PrescriptionStatus.Cancelled;
        p.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<OrderRow>>, ValidationProblem, ProblemHttpResult>> AddOrders(Guid id, OrdersRequest r, CountyHealthDb db, ICurrentUser user,
        IAccessScope scope, AuditLog audit, IPriceCatalogue prices, IChargeService charges, TimeProvider clock, CancellationToken ct)
    {
        var (visit, problem) = await LoadOwnVisit(id, db, user, scope, audit, write: true, ct);
        if (visit is null)
        {
            return problem!;
        }
        var e = new FieldErrors();
        var codes = r.ItemCodes ?? [];
        if (codes.Count == 0)
        {
            e.Add("itemCodes", "请选择检查或检验项目");
        }
        var items = new List<PriceItemInfo>();
        foreach (var code in codes)
        {
            var item = await prices.FindAsync(code, ct);
            if (item is null || item.Kind == "Registration")
            {
                e.Add("itemCodes", $"项目“{code}”不存在");
            }
            else
            {
                items.Add(item);
            }
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var orders = items.Select(i => new VisitOrder { VisitId = visit.Id, ResidentId = visit.ResidentId, ItemCode = i.Code, Name = i.Name, Kind = i.Kind, UnitPrice = i.Price, OrderedAt = now, OrderedBy = user.FullName }).ToList();
        db.AddRange(orders);
        await charges.AddAsync(new VisitBilling(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DepartmentId),
            orders.Select(o => new ChargeLine(ChargeSource.OrderItem, o.Id, o.Id, o.ItemCode, o.Name, items.First(i => i.Code == o.ItemCode).Unit, 1, o.UnitPrice)), ct);
        StartIfWaiting(visit, clock, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(orders.Select(o => new OrderRow(o.Id, o.ItemCode, o.Name, o.Kind, o.Quantity, o.UnitPrice, o.Status.ToString())).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Finish(Guid id, CountyHealthDb db, ICurrentUser user, IAccessScope scope, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (visit, problem) = await LoadOwnVisit(id, db, user, scope, audit, write: true, ct);
        if (visit is null)
        {
            return problem!;
        }
        if (visit.Diagnoses.Count == 0)
        {
            return Problems.Conflict("请先填写诊断再完成接诊");
        }
        StartIfWaiting(visit, clock, user);
        visit.Status = VisitStatus.Finished;
        visit.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
