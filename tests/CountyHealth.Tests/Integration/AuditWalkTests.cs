using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Personnel;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Every operation of the OpenAPI document, called by every demo account: a response that carries a resident's data
/// (her name, ID number or phone, or anything read by the id of one of her records) leaves an audit row by that user
/// about her (or a search row, for a list) — written before the response, in the same request.
/// </summary>
public abstract class AuditWalkTests(CountyHealthFactory host)
{
    private static readonly string[] Accounts =
        ["admin", "cashier", "doctor", "doctor2", "pharmacist", "pharmacist2", "nurse", "publichealth", "villagedoctor", "villagedoctor2", "records", "director",
         "hospital.cashier", "hospital.doctor", "cdc", "inspector", "bureau"];

    /// <summary>
    /// Operations whose responses are not residents' records by design, with the reason. (The audit log was one until it
    /// showed residents' names; reading it is now recorded like any search.)
    /// </summary>
    private static readonly Dictionary<string, string> NotResidentData = new(StringComparer.Ordinal);

    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Every_response_with_a_residents_data_writes_an_audit_row()
    {
        var operations = await OpenApiOperations.ReadAsync(host);
        var subject = await Subject.CreateAsync(clinic, host);
        var failures = new List<string>();

        // Writes: the outpatient day and the administrator's work, each operation once, as the user who does it.
        var writes = WriteSteps(subject);
        var undocumented = operations.Where(o => o.Method != "GET").Select(o => o.Id).Except(writes.Select(w => w.OperationId)).ToList();
        Assert.True(undocumented.Count == 0, "write operations the walk does not call (add them): " + string.Join(", ", undocumented));
        foreach (var step in writes)
        {
            var client = step.User is null ? host.Anonymous() : await host.As(step.User);
            await CheckAsync(step.OperationId, step.User ?? "anonymous", () => step.Send(client, subject), subject, failures);
        }

        // Reads: every GET, every account.
        foreach (var op in operations.Where(o => o.Method == "GET"))
        {
            var urls = ReadUrls(op, subject);
            Assert.True(urls.Count > 0, $"the walk cannot call {op.Id} {op.Path}: add its parameters");
            foreach (var account in Accounts)
            {
                var client = await host.As(account);
                foreach (var url in urls)
                {
                    await CheckAsync(op.Id, account, () => client.GetAsync(url), subject, failures);
                }
            }
        }

        Assert.True(failures.Count == 0, "responses with a resident's data and no audit row:\n" + string.Join("\n", failures));
        Assert.True(subject.Checked > 20, $"only {subject.Checked} responses carried a resident's data: the walk must see them to test them");
    }

    private async Task CheckAsync(string operationId, string user, Func<Task<HttpResponseMessage>> call, Subject subject, List<string> failures)
    {
        var before = await AuditCountAsync(user, subject);
        using var response = await call();
        var body = await response.Content.ReadAsStringAsync();
        subject.Remember(body);
        if (!response.IsSuccessStatusCode || NotResidentData.ContainsKey(operationId) || !subject.IsIn(body, response.RequestMessage!.RequestUri!.ToString()))
        {
            return;
        }
        subject.Checked++;
        if (await AuditCountAsync(user, subject) == before)
        {
            failures.Add($"{operationId} as {user}: {response.RequestMessage.Method} {response.RequestMessage.RequestUri!.PathAndQuery} → {(int)response.StatusCode}");
        }
    }

    /// <summary>Audit rows by the user about the subjects, or searches (lists carry many residents).</summary>
    private async Task<int> AuditCountAsync(string user, Subject subject)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var residents = subject.ResidentIds;
        return await db.AuditEntries.CountAsync(a => a.UserName == user && a.Action != AuditActions.Denied
            && ((a.ResidentId != null && residents.Contains(a.ResidentId.Value)) || a.Action == AuditActions.Search));
    }

    private static List<string> ReadUrls(OpenApiOperation op, Subject s)
    {
        var path = op.Path
            .Replace("/residents/{id}", $"/residents/{s.Household.Id}", StringComparison.Ordinal)
            .Replace("/visits/{id}", $"/visits/{s.VisitId}", StringComparison.Ordinal)
            .Replace("/visits/{visitId}", $"/visits/{s.VisitId}", StringComparison.Ordinal)
            .Replace("/payments/{id}", $"/payments/{s.PaymentId}", StringComparison.Ordinal)
            .Replace("/insurance/settlements/{id}", $"/insurance/settlements/{s.SettlementId}", StringComparison.Ordinal)
            .Replace("/prescriptions/{id}", $"/prescriptions/{s.PrescriptionId}", StringComparison.Ordinal)
            .Replace("/indicators/{code}", "/indicators/MZ01", StringComparison.Ordinal)
            .Replace("/cards/{id}", $"/cards/{s.CardId}", StringComparison.Ordinal)
            .Replace("/enrolments/{id}", $"/enrolments/{s.EnrolmentId}", StringComparison.Ordinal)
            .Replace("/children/{id}", $"/children/{s.Resident.Id}", StringComparison.Ordinal)
            .Replace("/public-health/records/{id}", $"/public-health/records/{s.Resident.Id}", StringComparison.Ordinal)
            .Replace("/elderly/{id}", $"/elderly/{s.Resident.Id}", StringComparison.Ordinal)
            .Replace("/mental/{id}", $"/mental/{s.MentalId}", StringComparison.Ordinal)
            .Replace("/maternal/{id}", $"/maternal/{s.PregnancyId}", StringComparison.Ordinal)
            .Replace("/tb/{id}", $"/tb/{s.TbId}", StringComparison.Ordinal)
            .Replace("/child-health/{id}", $"/child-health/{s.Resident.Id}", StringComparison.Ordinal)
            .Replace("/reference-tables/{key}", "/reference-tables/" + CountyHealth.PublicHealth.Immunisation.NationalSchedule.Key, StringComparison.Ordinal);
        if (path.Contains('{', StringComparison.Ordinal))
        {
            return [];
        }
        var urls = new List<string> { path };
        if (op.Path == "/api/v1/residents/{id}")
        {
            urls.Add($"/api/v1/residents/{s.Resident.Id}");
        }
        if (op.Query.Contains("q"))
        {
            urls.Add($"{path}?q={Uri.EscapeDataString(s.Resident.Name)}");
            urls.Add($"{path}?q={Uri.EscapeDataString(s.Household.IdNumber!)}");
        }
        if (op.Query.Contains("status"))
        {
            urls.Add($"{path}?status=Dispensed");
        }
        if (op.Query.Contains("prescription"))
        {
            urls.Add($"{path}?status=Dispensed&prescription={s.PrescriptionNumber}");
        }
        if (op.Query.Contains("status") && op.Path.Contains("/surveillance/", StringComparison.Ordinal))
        {
            urls.Add($"{path}?status=all");
        }
        if (op.Query.Contains("residentId"))
        {
            urls.Add($"{path}?residentId={s.Resident.Id}");
        }
        if (op.Query.Contains("institution", StringComparer.OrdinalIgnoreCase))
        {
            urls.Add($"{path}?institution={s.InstitutionId}" + (op.Query.Contains("month", StringComparer.OrdinalIgnoreCase) ? $"&month={Clinic.Today:yyyy-MM}" : "") + (op.Query.Contains("year", StringComparer.OrdinalIgnoreCase) ? $"&year={Clinic.Today.Year}" : ""));
        }
        return urls;
    }

    private sealed record Step(string OperationId, string? User, Func<ApiClient, Subject, Task<HttpResponseMessage>> Send);

    private static List<Step> WriteSteps(Subject s) =>
    [
        new("IssueToken", null, (c, _) => c.PostAsync("/api/v1/auth/token", new { userName = "cashier", password = DemoAccounts.Password })),
        new("RegisterResident", "cashier", (c, s) => c.PostAsync("/api/v1/residents", s.NewResident.ToRequest())),
        new("RefreshToken", null, async (c, _) =>
        {
            var token = await Peek<TokenResponse>(await c.PostAsync("/api/v1/auth/token", new { userName = "cashier", password = DemoAccounts.Password }));
            return await c.PostAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
        }),
        new("RevokeToken", null, async (c, _) =>
        {
            var token = await Peek<TokenResponse>(await c.PostAsync("/api/v1/auth/token", new { userName = "cashier", password = DemoAccounts.Password }));
            using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
            logout.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
            return await c.SendAsync(logout);
        }),
        new("UpdateResident", "cashier", (c, s) => c.PutAsync($"/api/v1/residents/{s.Resident.Id}", new ResidentContactRequest(TestData.MobilePhone(), null))),
        new("CorrectResidentIdentity", "records", (c, s) => c.PutAsync($"/api/v1/residents/{s.Resident.Id}/identity",
            new ResidentIdentityRequest(s.NewResident.Name, s.NewResident.Sex, s.NewResident.BirthDate, s.NewResident.IdNumber, "核对身份证原件"))),
        new("OpenBreakGlass", "cdc", (c, s) => c.PostAsync("/api/v1/break-glass", new CountyHealth.Residents.BreakGlass.BreakGlassRequest(s.Household.IdNumber!, "聚集性疫情流行病学调查"))),
        new("RegisterVisit", "cashier", async (c, s) =>
        {
            var response = await c.PostAsync("/api/v1/visits", new VisitRequest(s.Resident.Id, s.DepartmentId, null, null));
            s.VisitId = (await Peek<VisitRegistered>(response)).VisitId;
            return response;
        }),
        new("SaveVisitRecord", "doctor", (c, s) => c.PutAsync($"/api/v1/visits/{s.VisitId}/record", Clinic.Record(150, 95))),
        new("SaveDiagnoses", "doctor", (c, s) => c.PutAsync($"/api/v1/visits/{s.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true)]))),
        // A notifiable diagnosis drafts a report card: it is sent, accepted, corrected and the correction withdrawn.
        new("SaveDiagnoses", "doctor", async (c, s) =>
        {
            var response = await c.PutAsync($"/api/v1/visits/{s.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true), new DiagnosisRequest("A03", false)]));
            var visit = await Peek<VisitDetail>(await c.GetAsync($"/api/v1/visits/{s.VisitId}"));
            s.CardId = Guid.Parse(Assert.Single(visit.Notices!, n => n.Href.StartsWith("/surveillance/", StringComparison.Ordinal)).Href.Split('/')[^1]);
            return response;
        }),
        new("SaveReportCard", "doctor", async (c, s) =>
        {
            var card = await Peek<CountyHealth.Surveillance.Cards.CardView>(await c.GetAsync($"/api/v1/surveillance/cards/{s.CardId}"));
            var response = await c.PutAsync($"/api/v1/surveillance/cards/{s.CardId}", new CountyHealth.Surveillance.Cards.CardRequest(card.Fields with
            {
                Occupation = "农民", Classification = CountyHealth.Surveillance.Domain.CaseClassification.Clinical, OnsetDate = Clinic.Today.AddDays(-1),
                Address = card.Fields.Address ?? "葛仙庄镇东村 12 号",
            }, true, card.Version));
            await Peek<CountyHealth.Surveillance.Cards.CardView>(response);
            return response;
        }),
        new("ReviewReportCard", "cdc", async (c, s) =>
        {
            var card = await Peek<CountyHealth.Surveillance.Cards.CardView>(await c.GetAsync($"/api/v1/surveillance/cards/{s.CardId}"));
            return await c.PostAsync($"/api/v1/surveillance/cards/{s.CardId}/review", new CountyHealth.Surveillance.Cards.ReviewCardRequest(true, null, card.Version));
        }),
        new("CorrectReportCard", "doctor", async (c, s) =>
        {
            var response = await c.PostAsync($"/api/v1/surveillance/cards/{s.CardId}/correction", new { });
            s.CorrectionId = (await Peek<CountyHealth.Surveillance.Cards.CardView>(response)).Id;
            return response;
        }),
        new("WithdrawReportCard", "doctor", (c, s) => c.PostAsync($"/api/v1/surveillance/cards/{s.CorrectionId}/withdraw", new CountyHealth.Surveillance.Cards.WithdrawCardRequest("重复订正", 0))),
        // The hypertension diagnosis proposes the chronic programme: enrolled, followed up, and the management ended.
        new("ChronicEnrol", "doctor", async (c, s) =>
        {
            var response = await c.PostAsync("/api/v1/public-health/enrolments", new CountyHealth.PublicHealth.Chronic.EnrolRequest(s.VisitId, CountyHealth.PublicHealth.Domain.Programme.Hypertension));
            s.EnrolmentId = (await Peek<CountyHealth.PublicHealth.Chronic.EnrolmentView>(response)).Id;
            return response;
        }),
        new("RecordChronicFollowUp", "doctor", (c, s) => c.PostAsync($"/api/v1/public-health/enrolments/{s.EnrolmentId}/follow-ups",
            new CountyHealth.PublicHealth.Chronic.FollowUpRequest(Clinic.Today, CountyHealth.PublicHealth.Domain.FollowUpMode.Clinic, ["2"], null, 150, 95, 78, 70m, null, null,
                null, null, null, null, CountyHealth.PublicHealth.Domain.Adherence.Regular, null, null, s.VisitId, 0))),
        new("EndChronicEnrolment", "doctor", (c, s) => c.PostAsync($"/api/v1/public-health/enrolments/{s.EnrolmentId}/end",
            new CountyHealth.PublicHealth.Chronic.EndEnrolmentRequest(Clinic.Today, "迁出本县", 1))),
        new("RecordVaccination", "nurse", async (c, s) =>
        {
            var response = await c.PostAsync($"/api/v1/public-health/immunisation/children/{s.Resident.Id}/vaccinations",
                new CountyHealth.PublicHealth.Immunisation.VaccinationRequest("HepB", Clinic.Today, null, null, CountyHealth.PublicHealth.Domain.InjectionSite.RightUpperArm,
                    CountyHealth.PublicHealth.Domain.DoseSource.FromCertificate, null));
            s.VaccinationId = (await Peek<CountyHealth.PublicHealth.Immunisation.ChildCard>(response)).Series.SelectMany(x => x.Doses).Single(d => d.Id is not null).Id!.Value;
            return response;
        }),
        new("VoidVaccination", "nurse", (c, s) => c.PostAsync($"/api/v1/public-health/immunisation/children/{s.Resident.Id}/vaccinations/{s.VaccinationId}/void",
            new CountyHealth.PublicHealth.Immunisation.VoidVaccinationRequest("录错日期"))),
        new("RecordElderlyCheck", "doctor", (c, s) => c.PostAsync($"/api/v1/public-health/elderly/{s.Resident.Id}/checks",
            new CountyHealth.PublicHealth.Elderly.ElderlyCheckRequest(Clinic.Today, 0, 0, 0, 0, 0, 130, 80, 160m, 60m, null, null, CountyHealth.PublicHealth.Domain.ScreenResult.Negative, null,
                CountyHealth.PublicHealth.Domain.ScreenResult.Negative, null, ["blood"], ["results"]))),
        new("RegisterMentalPatient", "publichealth", async (c, s) =>
        {
            var response = await c.PostAsync("/api/v1/public-health/mental", new CountyHealth.PublicHealth.Mental.MentalRegistration(s.Resident.Id,
                CountyHealth.PublicHealth.Domain.MentalDisorder.Schizophrenia, "清河县精神卫生中心", Clinic.Today.AddYears(-1), "王建", null, true));
            s.MentalId = (await Peek<CountyHealth.PublicHealth.Mental.MentalPatientView>(response)).Id;
            return response;
        }),
        new("RecordMentalFollowUp", "publichealth", (c, s) => c.PostAsync($"/api/v1/public-health/mental/{s.MentalId}/follow-ups",
            new CountyHealth.PublicHealth.Mental.MentalFollowUpRequest(Clinic.Today, CountyHealth.PublicHealth.Domain.FollowUpMode.Home, 0, false,
                CountyHealth.PublicHealth.Domain.Insight.Full, false, false, false, CountyHealth.PublicHealth.Domain.Adherence.Regular, 0))),
        // A pregnancy from registration to its end: registered at 10 weeks 200 days ago, seen, delivered 40 days ago, visited, ended.
        new("RegisterPregnancy", "publichealth", async (c, s) =>
        {
            var response = await c.PostAsync("/api/v1/public-health/maternal", MaternalTests.Registration(s.Mother.Id, Clinic.Today.AddDays(-270), date: Clinic.Today.AddDays(-200)));
            s.PregnancyId = (await Peek<CountyHealth.PublicHealth.Maternal.PregnancyView>(response)).Id;
            return response;
        }),
        new("RecordAntenatalVisit", "publichealth", async (c, s) => await Succeeded(await c.PostAsync($"/api/v1/public-health/maternal/{s.PregnancyId}/antenatal",
            new CountyHealth.PublicHealth.Maternal.AntenatalVisitRequest(Clinic.Today.AddDays(-60), 60m, 118, 76, 120, 30m, 140, false, [], false, null, await s.PregnancyVersionAsync(c))))),
        new("RecordDelivery", "publichealth", async (c, s) => await Succeeded(await c.PostAsync($"/api/v1/public-health/maternal/{s.PregnancyId}/delivery",
            new CountyHealth.PublicHealth.Maternal.DeliveryRequest(Clinic.Today.AddDays(-40), Clinic.Today.AddDays(-38), "清河县人民医院", CountyHealth.PublicHealth.Domain.DeliveryMode.Vaginal, 1,
                await s.PregnancyVersionAsync(c))))),
        new("RegisterNewborn", "publichealth", async (c, s) =>
        {
            var response = await c.PostAsync($"/api/v1/public-health/maternal/{s.PregnancyId}/newborns",
                new CountyHealth.PublicHealth.Maternal.NewbornRequest(null, Sex.Female, await s.PregnancyVersionAsync(c)));
            s.NewbornId = (await Peek<CountyHealth.PublicHealth.Maternal.PregnancyView>(response)).Newborns[0].ResidentId;
            return response;
        }),
        new("RecordPostpartumVisit", "publichealth", async (c, s) => await Succeeded(await c.PostAsync($"/api/v1/public-health/maternal/{s.PregnancyId}/postpartum",
            new CountyHealth.PublicHealth.Maternal.PostpartumRequest(CountyHealth.PublicHealth.Domain.MaternalContact.Postpartum, Clinic.Today.AddDays(-35), 36.8m, 112, 70, [], [], false, null,
                await s.PregnancyVersionAsync(c))))),
        new("EndPregnancy", "publichealth", async (c, s) => await Succeeded(await c.PostAsync($"/api/v1/public-health/maternal/{s.PregnancyId}/end",
            new CountyHealth.PublicHealth.Maternal.EndPregnancyRequest(Clinic.Today, "迁出", await s.PregnancyVersionAsync(c))))),
        // A TB patient notified, visited at home and stopped.
        new("RegisterTbPatient", "publichealth", async (c, s) =>
        {
            var response = await c.PostAsync("/api/v1/public-health/tb", TuberculosisTests.Notice(s.Resident.Id, Clinic.Today.AddDays(-1)));
            s.TbId = (await Peek<CountyHealth.PublicHealth.Tuberculosis.TbPatientView>(response)).Id;
            return response;
        }),
        new("RecordTbVisit", "publichealth", async (c, s) => await Succeeded(await c.PostAsync($"/api/v1/public-health/tb/{s.TbId}/visits",
            new CountyHealth.PublicHealth.Tuberculosis.TbVisitRequest(Clinic.Today, CountyHealth.PublicHealth.Domain.FollowUpMode.Home, CountyHealth.PublicHealth.Domain.TbSupervisor.Family,
                [], 0, false, false, 0)))),
        new("StopTbTreatment", "publichealth", async (c, s) => await Succeeded(await c.PostAsync($"/api/v1/public-health/tb/{s.TbId}/stop",
            new CountyHealth.PublicHealth.Tuberculosis.TbStopRequest(Clinic.Today, CountyHealth.PublicHealth.Domain.TbStopReason.Lost, 1, 10, 5, 1)))),
        // The walk's resident is an adult: the check is refused (400) but walked; the child's page shows her as out of the programme.
        new("RecordChildCheck", "publichealth", (c, s) => c.PostAsync($"/api/v1/public-health/child-health/{s.Resident.Id}/checks",
            new CountyHealth.PublicHealth.ChildHealth.ChildCheckRequest("m1", Clinic.Today, 4.5m, 55m, null, CountyHealth.PublicHealth.Domain.GrowthRating.Middle,
                CountyHealth.PublicHealth.Domain.GrowthRating.Middle, null, null, null, null, null, [], [1], false, null, [1], null, null, null, null, [], [], null, []))),
        new("RecordEducationActivity", "publichealth", async (c, _) => await Succeeded(await c.PostAsync("/api/v1/public-health/education", EducationTests.Talk(null, Clinic.Today)))),
        new("SaveHealthRecord", "records", (c, s) => c.PutAsync($"/api/v1/public-health/records/{s.Resident.Id}",
            new CountyHealth.PublicHealth.Records.HealthRecordRequest(new() { ["residence"] = "1", ["blood"] = "5", ["rh"] = "3", ["marital"] = "2", ["payment"] = "3", ["allergy"] = "1" }, null, 0))),
        new("CloseHealthRecord", "records", (c, s) => c.PostAsync($"/api/v1/public-health/records/{s.Resident.Id}/close",
            new CountyHealth.PublicHealth.Records.CloseRecordRequest(Clinic.Today, "迁出本县", 0))),
        new("CheckVaccinationCertificate", "nurse", (c, s) => c.PostAsync($"/api/v1/public-health/immunisation/children/{s.Resident.Id}/certificate-checks",
            new CountyHealth.PublicHealth.Immunisation.CertificateCheckRequest("葛仙庄镇中心小学", Clinic.Today))),
        new("CreatePrescription", "doctor", async (c, s) =>
        {
            var response = await c.PostAsync($"/api/v1/visits/{s.VisitId}/prescriptions", Clinic.Prescription(s.DrugId, 5m, "qd", 7));
            var p = await Peek<PrescriptionRow>(response);
            (s.PrescriptionId, s.PrescriptionNumber) = (p.Id, p.Number);
            return response;
        }),
        new("UpdatePrescription", "doctor", (c, s) => c.PutAsync($"/api/v1/prescriptions/{s.PrescriptionId}", Clinic.Prescription(s.DrugId, 5m, "qd", 14))),
        new("CancelPrescription", "doctor", async (c, s) =>
        {
            var second = await Peek<PrescriptionRow>(await c.PostAsync($"/api/v1/visits/{s.VisitId}/prescriptions", Clinic.Prescription(s.DrugId, 5m, "qd", 7)));
            return await c.DeleteAsync($"/api/v1/prescriptions/{second.Id}");
        }),
        new("AddOrders", "doctor", (c, s) => c.PostAsync($"/api/v1/visits/{s.VisitId}/orders", new OrdersRequest(["JY001"]))),
        new("FinishVisit", "doctor", (c, s) => c.PostAsync($"/api/v1/visits/{s.VisitId}/finish", new { })),
        new("ReopenVisit", "doctor", (c, s) => c.PostAsync($"/api/v1/visits/{s.VisitId}/reopen", new CountyHealth.Outpatient.Visits.ReopenRequest("化验结果回报，补充诊断"))),
        new("EnrolResident", "cashier", (c, s) => c.PostAsync("/api/v1/billing/insurance/enrolments",
            new CountyHealth.Billing.Insurance.EnrolmentRequest(s.Resident.Id, "CXJM", Clinic.Today.Year))),
        new("SettleInsurance", "cashier", async (c, s) =>
        {
            var charges = await Peek<CountyHealth.Billing.Charges.VisitCharges>(await c.GetAsync($"/api/v1/billing/visits/{s.VisitId}/charges"));
            var response = await c.PostAsync("/api/v1/billing/insurance/settlements", new CountyHealth.Billing.Insurance.SettlementRequest(Guid.NewGuid().ToString("N"), s.VisitId,
                charges.Charges.Where(x => x.Status == "Open").Select(x => x.Id).ToList()));
            s.SettlementId = (await Peek<CountyHealth.Billing.Insurance.SettlementView>(response)).Id;
            return response;
        }),
        // Reversed, so that the payment below is a self-paid one whose single line can be refunded.
        new("ReverseInsuranceSettlement", "cashier", (c, s) => c.PostAsync($"/api/v1/billing/insurance/settlements/{s.SettlementId}/reversal",
            new CountyHealth.Billing.Insurance.SettlementReversalRequest("患者要求自费"))),
        new("CreateInsurancePolicy", "admin", (c, _) => c.PostAsync("/api/v1/billing/insurance/policies", new CountyHealth.Billing.Insurance.PolicyRequest("ZGYB", "审计测试方案",
            Clinic.Today.AddYears(2).AddDays(Random.Shared.Next(1, 3000)), 0m, 0m, 300_000m, 0.1m, 70, 0m, [new("Outpatient", "Township", 100m, 0.7m, 0m)]))),
        new("Pay", "cashier", async (c, s) =>
        {
            var charges = await Peek<CountyHealth.Billing.Charges.VisitCharges>(await c.GetAsync($"/api/v1/billing/visits/{s.VisitId}/charges"));
            s.OrderChargeId = charges.Charges.Single(x => x.ItemCode == "JY001").Id;
            var response = await c.PostAsync("/api/v1/billing/payments", Clinic.Payment(s.VisitId, charges.Charges.Where(x => x.Status == "Open").Select(x => x.Id).ToList(), "Cash"));
            s.PaymentId = (await Peek<CountyHealth.Billing.Payments.Receipt>(response)).PaymentId;
            return response;
        }),
        new("Dispense", "pharmacist", async (c, s) =>
        {
            var order = Assert.Single(await Peek<List<DispenseOrderRow>>(await c.GetAsync($"/api/v1/pharmacy/dispensing?prescription={s.PrescriptionNumber}")));
            (s.OrderId, s.LineId) = (order.Id, order.Lines[0].LineId);
            return await c.PostAsync($"/api/v1/pharmacy/dispensing/{order.Id}/dispense", new { });
        }),
        new("ReturnDispensed", "pharmacist", (c, s) => c.PostAsync($"/api/v1/pharmacy/dispensing/{s.OrderId}/return", new ReturnRequest([s.LineId]))),
        new("Refund", "cashier", (c, s) => c.PostAsync("/api/v1/billing/refunds", new CountyHealth.Billing.Refunds.RefundRequest(Guid.NewGuid().ToString("N"), [s.OrderChargeId], "检验未做"))),
        // Something left to pay, so that the cashier's pending list shows her.
        new("AddOrders", "doctor", (c, s) => c.PostAsync($"/api/v1/visits/{s.VisitId}/orders", new OrdersRequest(["JY002"]))),
        new("CreateDrug", "admin", (c, _) => c.PostAsync("/api/v1/drugs",
            new DrugRequest(TestData.Code("AW"), "审计测试片", "10mg×10片", "片剂", "mg", 10m, "片", 10, "盒", "口服", "qd", 10m, 5m, null, false, CountyHealth.Kernel.Amounts.InsuranceClass.ClassA))),
        new("ReceiveStock", "pharmacist", (c, s) => c.PostAsync("/api/v1/pharmacy/receipts", new ReceiptRequest(s.DrugId, TestData.Code("AWB"), Clinic.Today.AddYears(2), 10, 1m, 2m, null))),
        new("CreateInstitution", "admin", async (c, s) =>
        {
            var response = await c.PostAsync("/api/v1/institutions", new InstitutionRequest(TestData.Code("AW"), "审计测试村卫生室", CountyHealth.Platform.Contracts.InstitutionKind.VillageClinic, null, null, null, false));
            s.InstitutionId = (await Peek<InstitutionRow>(response)).Id;
            return response;
        }),
        new("UpdateInstitution", "admin", (c, s) => c.PutAsync($"/api/v1/institutions/{s.InstitutionId}",
            new InstitutionRequest(TestData.Code("AW"), "审计测试村卫生室（改）", CountyHealth.Platform.Contracts.InstitutionKind.VillageClinic, null, null, null, false))),
        new("CreateDepartment", "admin", (c, s) => c.PostAsync("/api/v1/departments", new DepartmentRequest(s.InstitutionId, "全科", true))),
        new("CreateStaff", "admin", (c, s) => c.PostAsync("/api/v1/staff", new StaffRequest(s.InstitutionId, null, "审计测试", null, null))),
        new("SaveAggregateReport", "director", async (c, s) =>
        {
            var month = $"{Clinic.Today.AddMonths(-10):yyyy-MM}";
            var centre = (await Peek<CountyHealth.Indicators.Figures.FormSheet>(await c.GetAsync($"/api/v1/aggregate-forms/sheet?form=construction&month={month}"))).Rows[0].InstitutionId;
            var response = await c.PutAsync("/api/v1/aggregate-forms/reports", new CountyHealth.Indicators.Figures.AggregateReportRequest("construction", centre, month,
                new Dictionary<string, decimal?> { ["investment_planned"] = 500m, ["investment_done"] = 100m, ["progress"] = 20m }, null, true));
            s.ReportId = (await Peek<CountyHealth.Indicators.Figures.AggregateReportView>(response)).Id!.Value;
            return response;
        }),
        new("ReviewAggregateReport", "bureau", (c, s) => c.PostAsync($"/api/v1/aggregate-forms/reports/{s.ReportId}/review", new CountyHealth.Indicators.Figures.ReviewReportRequest(true, null))),
        new("SetCountyTarget", "bureau", (c, _) => c.PostAsync("/api/v1/indicators/targets/county", new CountyHealth.Indicators.Figures.CountyTargetRequest("MZ01", 2026, 1000m))),
        new("SetInstitutionTarget", "bureau", (c, s) => c.PostAsync("/api/v1/indicators/targets/institution",
            new CountyHealth.Indicators.Figures.InstitutionTargetRequest("MZ01", 2026, s.InstitutionId, 10m))),
        new("CreateUser", "admin", async (c, s) =>
        {
            s.UserName = TestData.Code("aw.");
            return await c.PostAsync("/api/v1/users", new UserRequest(s.UserName, "审计测试", "Audit2026", s.InstitutionId, null, ["villagedoctor"]));
        }),
        new("ChangeOwnPassword", null, async (c, s) =>
        {
            var token = await Peek<TokenResponse>(await c.PostAsync("/api/v1/auth/token", new { userName = s.UserName, password = "Audit2026" }));
            using var change = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/password") { Content = JsonContent.Create(new PasswordChange("Audit2026", "Audit2027x")) };
            change.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
            return await c.SendAsync(change);
        }),
        new("ChangeAccount", "admin", (c, s) => c.PutAsync($"/api/v1/users/{s.UserName}", new AccountChange(["villagedoctor"], false))),
        new("UnlockUser", "admin", (c, _) => c.PostAsync("/api/v1/users/cashier/unlock", new { })),
        // Refused (not the table's header): the host is shared, and a correction holds no resident's data either way.
        new("CorrectReferenceTable", "admin", (c, _) => c.PutAsync("/api/v1/reference-tables/" + CountyHealth.PublicHealth.Immunisation.NationalSchedule.Key,
            new CountyHealth.Platform.ReferenceTables.ReferenceTableCorrection("a\tb\n", "依据测试", 1))),
    ];

    /// <summary>A step that must succeed for the steps after it: its failure fails the walk instead of passing unseen.</summary>
    private static async Task<HttpResponseMessage> Succeeded(HttpResponseMessage response)
    {
        await Peek<JsonElement>(response);
        return response;
    }

    private static async Task<T> Peek<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), ApiClient.Json)!;
    }

    /// <summary>The residents the walk looks for in responses: a new patient of the outpatient day and a demo resident in a household.</summary>
    private sealed class Subject
    {
        public required NewResident NewResident { get; init; }
        public required ResidentRow Household { get; init; }
        public required Guid DepartmentId { get; init; }
        public required Guid DrugId { get; init; }
        public ResidentRow Resident { get; private set; } = null!;
        public Guid VisitId { get; set; }
        public Guid PrescriptionId { get; set; }
        public string PrescriptionNumber { get; set; } = "";
        public Guid PaymentId { get; set; }
        public Guid SettlementId { get; set; }
        public Guid OrderChargeId { get; set; }
        public Guid OrderId { get; set; }
        public Guid ReportId { get; set; }
        public Guid CardId { get; set; }
        public Guid CorrectionId { get; set; }
        public Guid EnrolmentId { get; set; }
        public Guid MentalId { get; set; }
        public Guid VaccinationId { get; set; }
        public Guid PregnancyId { get; set; }
        public Guid TbId { get; set; }
        public Guid NewbornId { get; set; }
        public required ResidentRow Mother { get; init; }
        public Guid LineId { get; set; }
        public Guid InstitutionId { get; set; }
        public int Checked { get; set; }
        public string UserName { get; set; } = "";

        public List<Guid> ResidentIds => new[] { Resident?.Id ?? Guid.Empty, Household.Id, Mother.Id, NewbornId }.Where(g => g != Guid.Empty).ToList();

        /// <summary>The pregnancy's version as it stands (each step of the maternal walk changes it).</summary>
        public async Task<int> PregnancyVersionAsync(ApiClient client) =>
            (await Peek<CountyHealth.PublicHealth.Maternal.PregnancyView>(await client.GetAsync($"/api/v1/public-health/maternal/{PregnancyId}"))).Version;

        public static async Task<Subject> CreateAsync(Clinic clinic, CountyHealthFactory host)
        {
            var clerk = await host.As(DemoAccounts.RecordsClerk);
            var withHousehold = (await clerk.GetAsync<Page<ResidentRow>>("/api/v1/residents?pageSize=50")).Items;
            ResidentRow? household = null;
            foreach (var r in withHousehold)
            {
                using var response = await clerk.GetAsync($"/api/v1/residents/{r.Id}/household");
                if (response.IsSuccessStatusCode)
                {
                    household = r;
                    break;
                }
            }
            return new Subject
            {
                NewResident = TestData.Adult(),
                Household = household ?? throw new InvalidOperationException("no demo resident in the records clerk's scope has a household"),
                DepartmentId = (await clinic.InternalMedicineAsync()).Id,
                DrugId = (await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片")).Id,
                Mother = await clinic.RegisterResidentAsync(TestData.Woman(Clinic.Today)),
            };
        }

        /// <summary>Picks up the new resident from the registration's answer.</summary>
        public void Remember(string body)
        {
            if (Resident is null && body.Contains(NewResident.IdNumber, StringComparison.Ordinal) && body.Contains("\"existing\"", StringComparison.Ordinal))
            {
                Resident = JsonSerializer.Deserialize<ResidentRegistered>(body, ApiClient.Json)!.Resident;
            }
        }

        public bool IsIn(string body, string url)
        {
            var markers = new[] { NewResident.Name, NewResident.IdNumber, Household.Name, Household.IdNumber!, Mother.Name, Mother.IdNumber! };
            if (markers.Any(m => body.Contains(m, StringComparison.Ordinal)))
            {
                return true;
            }
            // Read by the id of one of her records (a chart, the charges of her visit, her receipt).
            var ids = new[] { VisitId, PaymentId, PrescriptionId, Resident?.Id ?? Guid.Empty, Household.Id, Mother.Id, PregnancyId, TbId }.Where(g => g != Guid.Empty).Select(g => g.ToString());
            return body.Length > 2 && ids.Any(id => url.Contains(id, StringComparison.OrdinalIgnoreCase));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditWalkTests(SqliteHost host) : AuditWalkTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditWalkTests(PostgresHost host) : AuditWalkTests(host);
