using Usm.Model.Improvement;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Improvement;

/// <summary>
/// Index queries, for a small and a large share of the risks, return exactly the risks a plain filter finds, ordered
/// by id.
/// </summary>
public class RiskDatabaseQueryPathTests
{
    [Fact]
    public void Queries_EqualAPlainFilter_ForSmallAndLargeShares()
    {
        var db = new RiskDatabase(FixedClock.At(2026, 3, 2));
        for (var i = 0; i < 600; i++)
        {
            // Ids registered out of order, so the sorted walk is really exercised.
            var n = (i * 7919) % 600;
            var id = "R-" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var service = n % 50 == 0 ? "svc-rare" : "svc-" + (n % 3);
            db = db.Register(Samples.Threat(id, category: n % 2 == 0 ? "even" : "odd", services: [service]), "p");
            if (n % 3 == 0)
            {
                db = db.Apply(id, new RejectRisk("not a risk"), "p");
            }
        }

        var all = db.Risks.ToArray();
        foreach (var status in Enum.GetValues<RiskStatus>())
        {
            Assert.Equal(all.Where(r => r.Status == status), db.ByStatus(status));
        }

        foreach (var service in new[] { "svc-0", "svc-1", "svc-rare", "svc-none" })
        {
            Assert.Equal(all.Where(r => r.ServiceIds.Contains(service)), db.ByService(service));
        }

        Assert.Equal(all.Where(r => r.Category == "even"), db.ByCategory("even"));
        Assert.Equal(all.Where(r => r.IsOpen), db.OpenRisks);
        Assert.Equal(all.Where(r => r.Polarity == RiskPolarity.Threat), db.ByPolarity(RiskPolarity.Threat));
        Assert.Equal(200, db.ByStatus(RiskStatus.Rejected).Length);
        Assert.Equal(12, db.ByService("svc-rare").Length);
    }
}
