using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;

namespace CountyHealth.Billing.Seeding;

/// <summary>The synthetic county's charges and payments (by a method drawn at random), kept until written.</summary>
internal sealed class BillingHistory : IBillingHistory, ISyntheticData
{
    private static readonly PaymentMethod[] Methods = Enum.GetValues<PaymentMethod>();

    private readonly List<Charge> charges = [];
    private readonly List<Payment> payments = [];
    private readonly DocumentSequence numbers = new();
    private Random rng = new(0);

    public Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        rng = run.Random;
        return Task.CompletedTask;
    }

    public Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct) => Task.CompletedTask;

    public void Paid(BillingEncounter encounter, IReadOnlyList<ChargeLine> lines, DateTime chargedAt, DateTime paidAt)
    {
        var payment = new Payment
        {
            RequestId = "gen-" + encounter.EncounterId.ToString("N"),
            VisitId = encounter.EncounterId,
            ResidentId = encounter.ResidentId,
            InstitutionId = encounter.InstitutionId,
            Method = Methods[rng.Next(Methods.Length)],
            CashierUserName = "generator",
            CashierName = "收费员",
            PaidAt = paidAt,
        };
        payment.ReceiptNumber = numbers.Next(encounter.InstitutionId, DocumentNumbers.Receipt, ChinaTime.DayOf(paidAt));
        foreach (var line in lines)
        {
            var c = ChargeService.New(encounter, line, chargedAt);
            c.Status = ChargeStatus.Paid;
            c.PaymentId = payment.Id;
            payment.Amount += c.Amount;
            charges.Add(c);
        }
        payments.Add(payment);
    }

    public async Task WriteAsync(GenerationRun run, CancellationToken ct)
    {
        await run.Writer.WriteAsync(charges, ct);
        await run.Writer.WriteAsync(payments, ct);
        charges.Clear();
        payments.Clear();
    }
}
