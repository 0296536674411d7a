using Mesh.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mesh.Hosting;

/// <summary>Refusals as RFC 9457 problem details carrying the stable error <c>code</c> (COMMON-3).</summary>
public static class MeshProblems
{
    /// <summary>The problem for <paramref name="error"/>, with code, field, value and remedy as extensions.</summary>
    public static ProblemHttpResult Problem(MeshError error) => TypedResults.Problem(ToProblemDetails(error));

    /// <summary>The problem details of <paramref name="error"/>.</summary>
    public static ProblemDetails ToProblemDetails(MeshError error)
    {
        var problem = new ProblemDetails
        {
            Status = error.Status,
            Title = error.Code,
            Detail = error.Message,
            Type = $"https://mesh.local/errors/{error.Code.Replace(' ', '-').Replace('/', '-')}",
        };
        problem.Extensions["code"] = error.Code;
        // The bus's Rejected carries the same text as message; HTTP callers get both names for it.
        problem.Extensions["message"] = error.Message;
        problem.Extensions["kind"] = error.Kind.ToString();
        if (error.Field is not null)
        {
            problem.Extensions["field"] = error.Field;
        }
        if (error.Value is not null)
        {
            problem.Extensions["value"] = error.Value;
        }
        if (error.Remedy is not null)
        {
            problem.Extensions["remedy"] = error.Remedy;
        }
        return problem;
    }
}
