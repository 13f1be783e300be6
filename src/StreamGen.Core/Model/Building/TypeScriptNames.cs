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
    IReadOnlyDictionary<TypeMemberKey, string> Enums,
    IReadOnlyDictionary<DesignObject, string> ViewNameTypes,
    IReadOnlyDictionary<TypeMemberKey, string> Views,
    IReadOnlyDictionary<ServiceMemberKey, string> Errors,
    IReadOnlyDictionary<DesignService, string> Clients,
    IReadOnlyDictionary<DesignMethod, string> Methods);
