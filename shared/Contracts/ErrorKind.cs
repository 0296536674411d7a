namespace Mesh.Contracts;

/// <summary>The family of a refusal; decides its HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The request is well formed but breaks a rule (422).</summary>
    Invalid,
    /// <summary>The request cannot be parsed (400).</summary>
    Malformed,
    /// <summary>A named resource does not exist (404).</summary>
    NotFound,
    /// <summary>The request conflicts with current state (409).</summary>
    Conflict,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>No valid credentials (401).</summary>
    Unauthenticated,
    /// <summary>A pool of addresses, devices or quota is used up (409).</summary>
    Exhausted,
    /// <summary>The expected version did not match (412).</summary>
    PreconditionFailed,
}
