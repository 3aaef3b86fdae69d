using System.Reflection;

namespace CountyHealth.Kernel.Data;

/// <summary>An assembly whose IEntityTypeConfiguration classes make up part of the one model.</summary>
public sealed record ModelPart(Assembly Assembly);
