using StreamGen.Design;
using StreamGen.Design.Types;

namespace StreamGen.Model.Building;

/// <summary>
/// Every TypeScript name of the client module, by the design element it belongs to: the module's exports (types, enum
/// unions, view types, errors, clients), each client's members, and the module's file.
/// </summary>
internal sealed record TypeScriptNames(
    string FileName,
    IReadOnlyDictionary<DesignObject, string> Types,
    IReadOnlyDictionary<(DesignObject Type, string Attribute), string> Enums,
    IReadOnlyDictionary<DesignObject, string> ViewNameTypes,
    IReadOnlyDictionary<(DesignObject Type, string View), string> Views,
    IReadOnlyDictionary<(DesignService Service, string Error), string> Errors,
    IReadOnlyDictionary<DesignService, string> Clients,
    IReadOnlyDictionary<DesignMethod, string> Methods);
