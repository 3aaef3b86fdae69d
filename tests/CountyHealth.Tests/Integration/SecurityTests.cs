using System.Net;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Personnel;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Who may see and do what: institution scope, sign-in, lockout and roles.</summary>
public abstract class SecurityTests(CountyHealthFactory host)
{
    [Fact]
    public async Task A_village_doctor_cannot_read_another_villages_resident_and_the_denial_is_audited()
    {
        var ownDoctor = await host.As(DemoAccounts.VillageDoctor);
        var resident = Assert.Single((await ownDoctor.GetAsync<Page<ResidentRow>>("/api/v1/residents?pageSize=1")).Items);
        Assert.Equal(resident.Id, (await ownDoctor.GetAsync<ResidentRow>($"/api/v1/residents/{resident.Id}")).Id);

        using var denied = await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync($"/api/v1/residents/{resident.Id}");
        await ApiClient.ExpectStatusAsync(denied, HttpStatusCode.NotFound);

        var audit = await (await host.As(DemoAccounts.Admin)).GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Denied&residentId={resident.Id}");
        var entry = Assert.Single(audit.Items, a => a.UserName == DemoAccounts.VillageDoctor2);
        Assert.Equal(("Denied", resident.Id.ToString()), (entry.Action, entry.EntityId));
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_without_counting_the_whole_log()
    {
        var clinic = new Clinic(host);
        var resident = await clinic.RegisterResidentAsync();
        var cashier = await clinic.Cashier;
        for (var i = 0; i < 3; i++)
        {
            await cashier.GetAsync<ResidentRow>($"/api/v1/residents/{resident.Id}");
        }
        var admin = await host.As(DemoAccounts.Admin);
        var first = await admin.GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Read&residentId={resident.Id}&pageSize=2");
        var second = await admin.GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Read&residentId={resident.Id}&pageSize=2&page=2");

        Assert.Equal(2, first.Items.Count);
        Assert.True(first.HasMore, "the first page says that more follow");
        Assert.Null(first.Total); // not counted: the log is too long to count on every page
        Assert.Equal((2, false, 3), (second.PageNumber, second.HasMore, second.Total)); // the last page knows the exact count
        var page1 = await admin.GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Read&residentId={resident.Id}&pageSize=2&page=1");
        Assert.Equal(first.Items.Select(a => a.Id), page1.Items.Select(a => a.Id)); // pages count from 1, as for every list
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(3, all.Select(a => a.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(a => a.At).Select(a => a.At), all.Select(a => a.At));
    }

    [Fact]
    public async Task The_api_answers_401_without_a_token()
    {
        using var anonymous = host.Anonymous();
        using var response = await anonymous.GetAsync("/api/v1/residents");
        await ApiClient.ExpectStatusAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        const string password = "Lockout2026";
        var userName = await CreateCashierAccountAsync(password);
        using (var fresh = await host.SignInAsync(userName, password))
        {
            Assert.Equal(userName, (await fresh.GetAsync<MeResponse>("/api/v1/me")).UserName);
        }

        using var anonymous = host.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInExpectingRefusalAsync(anonymous, userName, "Wrong2026");
        }
        var locked = await SignInExpectingRefusalAsync(anonymous, userName, password);

        Assert.Contains("锁定", locked.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cashier_may_not_receive_stock()
    {
        var drug = await new Clinic(host).NewDrugAsync();
        var cashier = await host.As(DemoAccounts.Cashier);

        using var response = await cashier.PostAsync("/api/v1/pharmacy/receipts", new ReceiptRequest(drug.Id, "B1", Clinic.Today.AddYears(1), 10, 1m, 2m, null));

        await ApiClient.ExpectStatusAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(await (await host.As(DemoAccounts.Pharmacist)).GetAsync<List<StockRow>>($"/api/v1/pharmacy/batches?drugId={drug.Id}&includeEmpty=true"));
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_answers_as_a_real_one_lockout_included()
    {
        using var anonymous = host.Anonymous();
        var unknown = TestData.Code("nobody.");
        var real = await CreateCashierAccountAsync("Known2026");
        foreach (var name in new[] { unknown, real })
        {
            Assert.Equal(SignInMessages.Wrong, (await SignInExpectingRefusalAsync(anonymous, name, "Wrong2026")).Title);
            for (var attempt = 1; attempt < 5; attempt++)
            {
                await SignInExpectingRefusalAsync(anonymous, name, "Wrong2026");
            }
            Assert.Equal(SignInMessages.Locked, (await SignInExpectingRefusalAsync(anonymous, name, "Wrong2026")).Title);
        }
    }

    [Fact]
    public async Task Logout_ends_the_access_and_the_refresh_token()
    {
        var userName = await CreateCashierAccountAsync("Logout2026");
        using var client = host.Anonymous();
        var token = await client.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName, password = "Logout2026" }, HttpStatusCode.OK);
        Assert.InRange(token.ExpiresIn, 60, 15 * 60);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(client, token.AccessToken));

        using (var logout = Bearer(HttpMethod.Post, "/api/v1/auth/logout", token.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, token.AccessToken));
        using var refresh = await client.PostAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_is_good_once_and_its_reuse_ends_the_session()
    {
        var userName = await CreateCashierAccountAsync("Refresh2026");
        using var client = host.Anonymous();
        var first = await client.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName, password = "Refresh2026" }, HttpStatusCode.OK);
        var second = await client.PostAsync<TokenResponse>("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }, HttpStatusCode.OK);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(client, second.AccessToken));

        // The first refresh token again: someone holds a copy; the session ends for both.
        using (var reuse = await client.PostAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, second.AccessToken));
        using var after = await client.PostAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Lockout_a_new_password_and_a_role_change_each_end_the_sessions_already_open()
    {
        var admin = await host.As(DemoAccounts.Admin);
        using var client = host.Anonymous();

        var locked = await CreateCashierAccountAsync("Lock2026x");
        var lockedToken = await client.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName = locked, password = "Lock2026x" }, HttpStatusCode.OK);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInExpectingRefusalAsync(client, locked, "Wrong2026");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, lockedToken.AccessToken));

        var changed = await CreateCashierAccountAsync("Change2026");
        var before = await client.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName = changed, password = "Change2026" }, HttpStatusCode.OK);
        var current = await client.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName = changed, password = "Change2026" }, HttpStatusCode.OK);
        using (var change = Bearer(HttpMethod.Post, "/api/v1/me/password", current.AccessToken))
        {
            change.Content = System.Net.Http.Json.JsonContent.Create(new PasswordChange("Change2026", "Changed2027"));
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(change)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, before.AccessToken));

        var moved = await CreateCashierAccountAsync("Moved2026");
        var movedToken = await client.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName = moved, password = "Moved2026" }, HttpStatusCode.OK);
        using (var roles = await admin.PutAsync($"/api/v1/users/{moved}", new AccountChange(["pharmacist"], true)))
        {
            Assert.True(roles.IsSuccessStatusCode, $"{(int)roles.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(client, movedToken.AccessToken));
        using var again = await host.SignInAsync(moved, "Moved2026");
        Assert.Equal(["pharmacist"], (await again.GetAsync<MeResponse>("/api/v1/me")).Roles);
    }

    [Fact]
    public async Task The_browser_cookie_needs_the_page_antiforgery_token_and_dies_with_logout()
    {
        using var browser = host.Anonymous();
        // Login without the form's token is refused (login CSRF).
        using (var forged = await browser.SendAsync(Form("/account/login", new() { ["userName"] = "cashier", ["password"] = DemoAccounts.Password })))
        {
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
            Assert.StartsWith("/login?error=form", forged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var (cookie, token) = await SignInWithFormAsync(browser, "cashier", "/\\evil.example");

        // A cookie-only API call that changes something, as a cross-site form would send it: 403.
        using (var csrf = new HttpRequestMessage(HttpMethod.Post, "/api/v1/residents") { Content = System.Net.Http.Json.JsonContent.Create(TestData.Resident().ToRequest()) })
        {
            csrf.Headers.Add("Cookie", cookie);
            csrf.Headers.Add("Origin", "https://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(csrf)).StatusCode);
        }
        // The same call with the page's antiforgery token goes through.
        using (var own = new HttpRequestMessage(HttpMethod.Post, "/api/v1/residents") { Content = System.Net.Http.Json.JsonContent.Create(TestData.Resident().ToRequest()) })
        {
            own.Headers.Add("Cookie", cookie);
            own.Headers.Add("RequestVerificationToken", token.Value);
            Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(own)).StatusCode);
        }
        using (var logout = Form("/account/logout", new() { ["__RequestVerificationToken"] = token.Value }))
        {
            logout.Headers.Add("Cookie", cookie);
            Assert.Equal("/login", (await browser.SendAsync(logout)).Headers.Location!.OriginalString);
        }
        // A copy of the cookie taken before logout is worthless.
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        replay.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_shows_only_its_own_messages()
    {
        using var browser = host.Anonymous();
        var html = System.Net.WebUtility.HtmlDecode(await (await browser.GetAsync("/login?error=%E8%AF%B7%E8%BD%AC%E8%B4%A6%E5%88%B0%E8%B4%A6%E6%88%B7123")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("请转账到账户123", html, StringComparison.Ordinal);
        html = System.Net.WebUtility.HtmlDecode(await (await browser.GetAsync("/login?error=locked")).Content.ReadAsStringAsync());
        Assert.Contains(SignInMessages.Locked, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var cashier = await host.As(DemoAccounts.Cashier);
        using var api = await cashier.GetAsync("/api/v1/me");
        Assert.Contains("no-store", api.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", api.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(",", api.Headers.GetValues("Referrer-Policy")));
        using var anonymous = host.Anonymous();
        using var page = await anonymous.GetAsync("/login");
        var csp = string.Join(",", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_documents_can_be_closed_to_anonymous_callers()
    {
        using var closed = host.WithWebHostBuilder(b => b.UseSetting("Api:DocsRequireSignIn", "true"));
        using var anonymous = closed.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var refused = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)))
        {
            // Outside /api the browser's scheme answers: to the sign-in page.
            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.StartsWith("/login", refused.Headers.Location!.PathAndQuery.Length > 0 && refused.Headers.Location.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString, StringComparison.Ordinal);
        }
        var signedIn = new ApiClient(closed.CreateClient());
        await signedIn.SignInAsync(DemoAccounts.Cashier, DemoAccounts.Password);
        using var document = await signedIn.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [Fact]
    public async Task Departments_of_an_institution_out_of_reach_are_not_listed()
    {
        var admin = await host.As(DemoAccounts.Admin);
        var hospital = Assert.Single(await admin.GetAsync<List<InstitutionRow>>("/api/v1/institutions"), i => i.Name == CountyHealth.Platform.Contracts.DemoAccounts.HospitalName);
        var villageDoctor = await host.As(DemoAccounts.VillageDoctor2);
        using var response = await villageDoctor.GetAsync($"/api/v1/departments?institutionId={hospital.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Cookies_are_secure_when_served_over_https()
    {
        using var https = new ApiClient(host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));
        using var page = await https.GetAsync("/login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("countyhealth.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Bearer(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<HttpStatusCode> MeStatusAsync(ApiClient client, string accessToken)
    {
        using var request = Bearer(HttpMethod.Get, "/api/v1/me", accessToken);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage Form(string url, Dictionary<string, string> fields) =>
        new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };

    /// <summary>Signs in as a browser does: the login page's form token, then the form; returns the cookies and the token for later posts.</summary>
    private static async Task<(string Cookie, (string Name, string Value) Token)> SignInWithFormAsync(ApiClient browser, string userName, string returnUrl)
    {
        using var page = await browser.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var field = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(field.Success, "the login form has no antiforgery token");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("countyhealth.af=", StringComparison.Ordinal));
        using var login = Form("/account/login", new()
        {
            ["userName"] = userName,
            ["password"] = DemoAccounts.Password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(field.Groups[1].Value),
        });
        login.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await browser.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString); // an off-site return URL goes home
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("countyhealth=", StringComparison.Ordinal));
        var cookie = antiforgeryCookie + "; " + authCookie;

        // The page's token for this user (antiforgery tokens are bound to the signed-in identity).
        using var home = new HttpRequestMessage(HttpMethod.Get, "/login");
        home.Headers.Add("Cookie", cookie);
        var again = await (await browser.SendAsync(home)).Content.ReadAsStringAsync();
        var userToken = System.Text.RegularExpressions.Regex.Match(again, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(userToken.Success, "no antiforgery token for the signed-in user");
        return (cookie, ("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(userToken.Groups[1].Value)));
    }

    private async Task<string> CreateCashierAccountAsync(string password)
    {
        var admin = await host.As(DemoAccounts.Admin);
        var township = Assert.Single(await admin.GetAsync<List<InstitutionRow>>("/api/v1/institutions"), i => i.Name == "葛仙庄镇卫生院");
        var userName = TestData.Code("it.");
        await admin.PostAsync("/api/v1/users", new UserRequest(userName, "测试收费员", password, township.Id, null, ["cashier"]), HttpStatusCode.Created);
        return userName;
    }

    private static async Task<Problem> SignInExpectingRefusalAsync(ApiClient client, string userName, string password)
    {
        using var response = await client.PostAsync("/api/v1/auth/token", new { userName, password });
        return await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.Unauthorized);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSecurityTests(SqliteHost host) : SecurityTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSecurityTests(PostgresHost host) : SecurityTests(host);
