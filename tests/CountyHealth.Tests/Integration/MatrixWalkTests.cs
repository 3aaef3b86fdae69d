using System.Net;
using CountyHealth.Billing.Payments;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Domain;
using CountyHealth.Platform.Institutions;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DemoAccountList = CountyHealth.Platform.Contracts.DemoAccounts;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The permission matrix is the specification: every operation of the OpenAPI document, called by every demo account
/// and by no one, with the ids of a patient of the account's own township centre and of the county hospital, answers as
/// the matrix says — 403 where the role has no grant, the record where its reach covers the record's institution, and
/// never a patient's name or ID number where it does not.
/// </summary>
public abstract class MatrixWalkTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Every_operation_answers_every_account_as_the_matrix_says()
    {
        var operations = await OpenApiOperations.ReadAsync(host);
        var matrix = host.Services.GetRequiredService<PermissionMatrix>();
        var world = await World.CreateAsync(host, clinic);
        var failures = new List<string>();
        var calls = 0;

        foreach (var op in operations.Where(o => o.Method == "GET"))
        {
            foreach (var account in DemoAccountList.All)
            {
                var client = await host.As(account.UserName);
                foreach (var subject in world.Subjects)
                {
                    foreach (var url in Urls(op, subject))
                    {
                        using var response = await client.GetAsync(url);
                        var body = await response.Content.ReadAsStringAsync();
                        calls++;
                        var problem = Judge(op, account, subject, url, response.StatusCode, body, matrix, world);
                        if (problem is not null)
                        {
                            failures.Add($"{account.UserName} ({account.Role}) {op.Id} GET {url} → {(int)response.StatusCode}: {problem}");
                        }
                    }
                }
            }
        }
        Assert.True(calls > 500, $"only {calls} reads were made");
        Assert.True(failures.Count == 0, "reads that do not follow the matrix:\n" + string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task Every_write_is_refused_to_roles_without_a_grant_before_it_reads_the_input()
    {
        var operations = await OpenApiOperations.ReadAsync(host);
        var matrix = host.Services.GetRequiredService<PermissionMatrix>();
        var failures = new List<string>();
        // Ending one's own session goes last: it signs the client out.
        var writes = operations.Where(o => o.Method != "GET").OrderBy(o => o.Id == "RevokeToken").ToList();
        foreach (var account in DemoAccountList.All)
        {
            // Fresh sign-ins: the walk ends these sessions, not the ones other tests share.
            using var client = await host.SignInAsync(account.UserName, DemoAccounts.Password);
            foreach (var op in writes.Where(o => o.Permission is not null))
            {
                using var response = await SendEmptyAsync(client, op);
                var granted = Granted(matrix, account.Role, op.Permission!);
                var status = (int)response.StatusCode;
                if (!granted && status != 403)
                {
                    failures.Add($"{account.UserName} {op}: {status}, the matrix grants {account.Role} nothing for {op.Permission}");
                }
                if (granted && (status is 401 or 403 or >= 500))
                {
                    failures.Add($"{account.UserName} {op}: {status}, the matrix grants {account.Role} {op.Permission}");
                }
            }
        }
        using var anonymous = host.Anonymous();
        foreach (var op in operations.Where(o => o.Permission is not null))
        {
            using var response = op.Method == "GET" ? await anonymous.GetAsync(op.PathWithUnknownIds()) : await SendEmptyAsync(anonymous, op);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"anonymous {op}: {(int)response.StatusCode}, expected 401");
            }
        }
        Assert.True(failures.Count == 0, "writes that do not follow the matrix:\n" + string.Join("\n", failures));
    }

    private static Task<HttpResponseMessage> SendEmptyAsync(ApiClient client, OpenApiOperation op)
    {
        // An empty object: a granted caller gets a 400 naming the fields (or a 404 for an id that does not exist), so
        // nothing changes; an ungranted caller must get 403 before the body is read.
        var request = new HttpRequestMessage(new HttpMethod(op.Method), op.PathWithUnknownIds());
        if (op.Body is not null)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }

    private static bool Granted(PermissionMatrix matrix, string role, string permission) =>
        matrix.ReachOf(role, permission) != Reach.None
        || (matrix.Find(permission)?.BreakGlass == true && matrix.ReachOf(role, CountyHealth.Platform.Contracts.PlatformPermissions.BreakGlass) != Reach.None);

    private static IEnumerable<string> Urls(OpenApiOperation op, Subject s)
    {
        var path = op.Path
            .Replace("/residents/{id}", $"/residents/{s.ResidentId}", StringComparison.Ordinal)
            .Replace("/visits/{id}", $"/visits/{s.VisitId}", StringComparison.Ordinal)
            .Replace("/visits/{visitId}", $"/visits/{s.VisitId}", StringComparison.Ordinal)
            .Replace("/payments/{id}", $"/payments/{s.PaymentId}", StringComparison.Ordinal)
            .Replace("/insurance/settlements/{id}", $"/insurance/settlements/{s.SettlementId}", StringComparison.Ordinal)
            .Replace("/prescriptions/{id}", $"/prescriptions/{s.PrescriptionId}", StringComparison.Ordinal)
            .Replace("/indicators/{code}", "/indicators/MZ01", StringComparison.Ordinal)
            .Replace("/cards/{id}", $"/cards/{s.CardId}", StringComparison.Ordinal)
            .Replace("/enrolments/{id}", $"/enrolments/{s.EnrolmentId}", StringComparison.Ordinal)
            .Replace("/children/{id}", $"/children/{s.ResidentId}", StringComparison.Ordinal)
            .Replace("/public-health/records/{id}", $"/public-health/records/{s.ResidentId}", StringComparison.Ordinal)
            .Replace("/elderly/{id}", $"/elderly/{s.ResidentId}", StringComparison.Ordinal)
            .Replace("/mental/{id}", $"/mental/{s.MentalId}", StringComparison.Ordinal)
            .Replace("/maternal/{id}", $"/maternal/{s.PregnancyId}", StringComparison.Ordinal)
            .Replace("/tb/{id}", $"/tb/{s.TbId}", StringComparison.Ordinal)
            .Replace("/child-health/{id}", $"/child-health/{s.ResidentId}", StringComparison.Ordinal)
            .Replace("/reference-tables/{key}", "/reference-tables/" + CountyHealth.PublicHealth.Immunisation.NationalSchedule.Key, StringComparison.Ordinal);
        Assert.False(path.Contains('{', StringComparison.Ordinal), $"the walk cannot fill {op.Path}");
        if (op.Query.Contains("institution", StringComparer.OrdinalIgnoreCase))
        {
            // A figure of one institution: the subject's, for this month and year.
            yield return $"{path}?institution={s.InstitutionId}" + (op.Query.Contains("month", StringComparer.OrdinalIgnoreCase) ? $"&month={Clinic.Today:yyyy-MM}" : "") + (op.Query.Contains("year", StringComparer.OrdinalIgnoreCase) ? $"&year={Clinic.Today.Year}" : "");
            yield break;
        }
        yield return path;
        if (op.Query.Contains("q"))
        {
            yield return $"{path}?q={s.IdNumber}";
        }
        if (op.Query.Contains("residentId"))
        {
            yield return $"{path}?residentId={s.ResidentId}";
        }
    }

    private static string? Judge(OpenApiOperation op, CountyHealth.Platform.Contracts.DemoAccount account, Subject subject, string url, HttpStatusCode status, string body, PermissionMatrix matrix, World world)
    {
        if (op.Permission is null)
        {
            return null;
        }
        var reach = matrix.ReachOf(account.Role, op.Permission);
        var shows = body.Contains(subject.Name, StringComparison.Ordinal) || body.Contains(subject.IdNumber, StringComparison.Ordinal);
        if (!Granted(matrix, account.Role, op.Permission))
        {
            return status == HttpStatusCode.Forbidden ? null : $"expected 403: {account.Role} has no grant of {op.Permission}";
        }
        var covers = world.Covers(reach, account.InstitutionName, subject.InstitutionId);
        if (shows && !covers)
        {
            return $"shows {subject.Name} of {subject.InstitutionName} beyond the {reach} reach of {op.Permission}";
        }
        // A definition of the catalogue belongs to no institution; a figure asked for one institution is that institution's record.
        var byId = (op.Path.Contains('{', StringComparison.Ordinal) && op.Id != "GetIndicator") || url.Contains("institution=", StringComparison.Ordinal);
        if (byId && !covers && status == HttpStatusCode.OK && body.Length > 2 && !body.StartsWith("[]", StringComparison.Ordinal))
        {
            return $"answers 200 for a record of {subject.InstitutionName} beyond the {reach} reach";
        }
        // A granted reach that covers the record opens it (a new resident has no household yet: 404 says so).
        if (byId && covers && status != HttpStatusCode.OK && !(op.Id == "GetResidentHousehold" && status == HttpStatusCode.NotFound))
        {
            return $"expected 200: {reach} of {op.Permission} covers {subject.InstitutionName}";
        }
        if (!byId && status != HttpStatusCode.OK)
        {
            return "expected 200 for a granted list";
        }
        return null;
    }

    private sealed record Subject(string InstitutionName, Guid InstitutionId, Guid ResidentId, string Name, string IdNumber, Guid VisitId, Guid PaymentId, Guid PrescriptionId, Guid CardId, Guid EnrolmentId, Guid MentalId, Guid PregnancyId, Guid TbId, Guid SettlementId);

    private sealed class World
    {
        public required List<Subject> Subjects { get; init; }
        public required Dictionary<Guid, Guid?> Parents { get; init; }
        public required Dictionary<string, Guid> ByName { get; init; }

        public bool Covers(Reach reach, string accountInstitution, Guid record) =>
            CountyHealth.Tests.Support.ReachRule.Covers(reach.ToString(), Parents, ByName[accountInstitution], record);

        public static async Task<World> CreateAsync(CountyHealthFactory host, Clinic clinic)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
            var institutions = await db.Set<Institution>().AsNoTracking().ToListAsync();
            // A generated township may repeat a name (each generation starts its list of names again): the demo's, made first, counts.
            var byName = institutions.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.Min(i => i.Id));

            // A patient of 葛仙庄镇卫生院: registered, seen, prescribed for, paid.
            var own = TestData.Adult();
            var ownRow = await clinic.RegisterResidentAsync(own);
            var drug = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
            var visit = await clinic.RegisterVisitAsync(ownRow.Id);
            var ownPrescription = await clinic.PrescribeAsync(visit.VisitId, drug.Id, 5m, "qd", 7);
            // Enrolled in the residents' scheme and settled with it before paying.
            await clinic.EnrolAsync(ownRow.Id);
            var ownSettlement = await clinic.SettleOpenChargesAsync(visit.VisitId);
            var ownReceipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");

            // A patient of the county hospital: registered and paid for the registration.
            var cashier = await host.As("hospital.cashier");
            var other = TestData.Adult();
            var otherRow = (await cashier.PostAsync<CountyHealth.Residents.ResidentIndex.ResidentRegistered>("/api/v1/residents", other.ToRequest(), HttpStatusCode.Created)).Resident;
            var department = (await cashier.GetAsync<List<DepartmentRow>>("/api/v1/departments")).First(d => d.IsClinical);
            var otherVisit = await cashier.PostAsync<VisitRegistered>("/api/v1/visits", new VisitRequest(otherRow.Id, department.Id, null, null), HttpStatusCode.Created);
            await cashier.PostAsync<CountyHealth.Billing.Insurance.EnrolmentRow>("/api/v1/billing/insurance/enrolments",
                new CountyHealth.Billing.Insurance.EnrolmentRequest(otherRow.Id, "CXJM", Clinic.Today.Year), HttpStatusCode.Created);
            var charges = await cashier.GetAsync<CountyHealth.Billing.Charges.VisitCharges>($"/api/v1/billing/visits/{otherVisit.VisitId}/charges");
            var otherSettlement = await cashier.PostAsync<CountyHealth.Billing.Insurance.SettlementView>("/api/v1/billing/insurance/settlements",
                new CountyHealth.Billing.Insurance.SettlementRequest(Guid.NewGuid().ToString("N"), otherVisit.VisitId, charges.Charges.Where(c => c.Status == "Open").Select(c => c.Id).ToList()),
                HttpStatusCode.Created);
            var otherReceipt = await cashier.PostAsync<Receipt>("/api/v1/billing/payments",
                Clinic.Payment(otherVisit.VisitId, charges.Charges.Where(c => c.Status == "Open").Select(c => c.Id).ToList(), "Cash"), HttpStatusCode.Created);
            var otherPrescription = await (await host.As("hospital.doctor")).PostAsync<PrescriptionRow>($"/api/v1/visits/{otherVisit.VisitId}/prescriptions",
                Clinic.Prescription(drug.Id, 5m, "qd", 7), HttpStatusCode.Created);

            // Each visit diagnosed with a notifiable disease: a report card at each institution.
            var (ownCard, ownEnrolment) = await CardOfAsync(await clinic.Doctor, visit.VisitId);
            var (otherCard, otherEnrolment) = await CardOfAsync(await host.As("hospital.doctor"), otherVisit.VisitId);

            // The centre's patient registered in the severe-mental-disorder programme; the hospital's is not (no role registers there).
            var mental = (await (await host.As("publichealth")).PostAsync<CountyHealth.PublicHealth.Mental.MentalPatientView>("/api/v1/public-health/mental",
                new CountyHealth.PublicHealth.Mental.MentalRegistration(ownRow.Id, CountyHealth.PublicHealth.Domain.MentalDisorder.Schizophrenia, "清河县精神卫生中心",
                    Clinic.Today.AddYears(-1), "王建", null, true), HttpStatusCode.Created)).Id;

            // A pregnant woman at each institution registered in the maternal programme (the hospital's by its obstetric doctor).
            var mother = await clinic.RegisterResidentAsync(TestData.Woman(Clinic.Today));
            var pregnancy = (await (await host.As("publichealth")).PostAsync<CountyHealth.PublicHealth.Maternal.PregnancyView>("/api/v1/public-health/maternal",
                MaternalTests.Registration(mother.Id, Clinic.Today.AddDays(-80)), HttpStatusCode.Created)).Id;
            var otherMother = (await cashier.PostAsync<CountyHealth.Residents.ResidentIndex.ResidentRegistered>("/api/v1/residents", TestData.Woman(Clinic.Today).ToRequest(),
                HttpStatusCode.Created)).Resident;
            var otherPregnancy = (await (await host.As("hospital.doctor")).PostAsync<CountyHealth.PublicHealth.Maternal.PregnancyView>("/api/v1/public-health/maternal",
                MaternalTests.Registration(otherMother.Id, Clinic.Today.AddDays(-80)), HttpStatusCode.Created)).Id;

            // The centre's patient notified as a TB patient (no role registers them at the hospital).
            var tb = (await (await host.As("publichealth")).PostAsync<CountyHealth.PublicHealth.Tuberculosis.TbPatientView>("/api/v1/public-health/tb",
                TuberculosisTests.Notice(ownRow.Id, Clinic.Today.AddDays(-2)), HttpStatusCode.Created)).Id;

            var township = byName["葛仙庄镇卫生院"];
            var hospital = byName[DemoAccountList.HospitalName];
            return new World
            {
                Subjects =
                [
                    new("葛仙庄镇卫生院", township, ownRow.Id, own.Name, own.IdNumber, visit.VisitId, ownReceipt.PaymentId, ownPrescription.Id, ownCard, ownEnrolment, mental, pregnancy, tb, ownSettlement.Id),
                    new(DemoAccountList.HospitalName, hospital, otherRow.Id, other.Name, other.IdNumber, otherVisit.VisitId, otherReceipt.PaymentId, otherPrescription.Id, otherCard, otherEnrolment, Guid.CreateVersion7(), otherPregnancy, Guid.CreateVersion7(), otherSettlement.Id),
                ],
                Parents = institutions.ToDictionary(i => i.Id, i => i.ParentId),
                ByName = byName,
            };
        }

        /// <summary>Diagnoses the visit with dysentery and hypertension: a report card, and the patient enrolled in the hypertension programme.</summary>
        private static async Task<(Guid Card, Guid Enrolment)> CardOfAsync(ApiClient doctor, Guid visitId)
        {
            await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visitId}/diagnoses",
                new DiagnosesRequest([new DiagnosisRequest("A03", true), new DiagnosisRequest("I10", false)]), HttpStatusCode.OK);
            var visit = await doctor.GetAsync<VisitDetail>($"/api/v1/visits/{visitId}");
            var card = Guid.Parse(Assert.Single(visit.Notices!, n => n.Href.StartsWith("/surveillance/", StringComparison.Ordinal)).Href.Split('/')[^1]);
            var enrolment = await doctor.PostAsync<CountyHealth.PublicHealth.Chronic.EnrolmentView>("/api/v1/public-health/enrolments",
                new CountyHealth.PublicHealth.Chronic.EnrolRequest(visitId, CountyHealth.PublicHealth.Domain.Programme.Hypertension), HttpStatusCode.Created);
            return (card, enrolment.Id);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMatrixWalkTests(SqliteHost host) : MatrixWalkTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMatrixWalkTests(PostgresHost host) : MatrixWalkTests(host);
