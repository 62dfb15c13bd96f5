using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Mamori.Core;
using Mamori.Host.Access;

namespace Mamori.Host.Tenants;

/// <summary>Checks every tenant at start-up; each error names the setting (Tenants:&lt;id&gt;:&lt;Key&gt;).</summary>
internal sealed class TenantsOptionsValidator : IValidateOptions<TenantsOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantsOptions options)
    {
        var errors = new List<string>();
        foreach (var (id, tenant) in options.Tenants)
        {
            if (!TenantIds.IsValid(id))
                errors.Add($"Tenants:{id}: a tenant id is {TenantIds.Rule}.");

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(tenant, new ValidationContext(tenant), results, validateAllProperties: true);
            errors.AddRange(results.Select(r => $"Tenants:{id}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));

            for (int i = 0; i < tenant.AllowedOrigins.Count; i++)
            {
                if (OriginPolicy.Normalize(tenant.AllowedOrigins[i]) is null)
                    errors.Add($"Tenants:{id}:AllowedOrigins:{i}: '{tenant.AllowedOrigins[i]}' is not an origin like https://www.example.jp (scheme and host, no path).");
            }

            if (tenant.DirectLineSecret is { Length: > 0 and < 32 })
                errors.Add($"Tenants:{id}:DirectLineSecret: use at least 32 characters.");
            if (!string.IsNullOrEmpty(tenant.AdviserPassword))
                errors.Add($"Tenants:{id}:AdviserPassword is no longer used: each adviser signs in to /desk with an account of their own (`mamori desk add-user`) and opens a case's report there. Remove the setting.");
            ValidateLine(id, tenant.Line, errors);
            ValidateNotices(id, tenant.SupportDesk, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateNotices(string id, SupportDeskOptions desk, List<string> errors)
    {
        // The binder takes numbers for an enum too; "2" would silently be neither mode.
        if (!Enum.IsDefined(desk.Handoff))
            errors.Add($"Tenants:{id}:SupportDesk:Handoff: '{desk.Handoff}' is neither Console nor Hub.");
        var email = new EmailAddressAttribute();
        for (int i = 0; i < desk.NoticeEmails.Count; i++)
        {
            if (!email.IsValid(desk.NoticeEmails[i]) || string.IsNullOrWhiteSpace(desk.NoticeEmails[i]))
                errors.Add($"Tenants:{id}:SupportDesk:NoticeEmails:{i}: '{desk.NoticeEmails[i]}' is not an email address.");
        }
        if (desk.NoticeWebhookUrl is { Length: > 0 } hook && !IsHttpsOrLoopback(hook))
            errors.Add($"Tenants:{id}:SupportDesk:NoticeWebhookUrl: '{hook}' must be an https address (http only on this machine).");
        if (desk.Hours is { } hours)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(hours, new ValidationContext(hours), results, validateAllProperties: true);
            errors.AddRange(results.Select(r => $"Tenants:{id}:SupportDesk:Hours:{string.Join(",", r.MemberNames)}: use HH:mm (24 hours, Japan time)."));
            if (results.Count == 0 && string.CompareOrdinal(hours.Opens, hours.Closes) >= 0)
                errors.Add($"Tenants:{id}:SupportDesk:Hours: Opens ({hours.Opens}) must be before Closes ({hours.Closes}).");
            if (hours.Days.Count == 0)
                errors.Add($"Tenants:{id}:SupportDesk:Hours:Days: name at least one day (Monday … Sunday), or leave Hours out.");
        }
    }

    private static bool IsHttpsOrLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static void ValidateLine(string id, LineAccountOptions line, List<string> errors)
    {
        if (string.IsNullOrEmpty(line.ChannelSecret) != string.IsNullOrEmpty(line.AccessToken))
            errors.Add($"Tenants:{id}:Line: set both ChannelSecret and AccessToken (LINE Developers console, Messaging API channel), or neither.");
        // The API gets the access token: only over https, or to a test server on this machine.
        if (!IsHttpsOrLoopback(line.ApiBaseUrl))
            errors.Add($"Tenants:{id}:Line:ApiBaseUrl: '{line.ApiBaseUrl}' must be an https address (http only on this machine).");
    }
}
