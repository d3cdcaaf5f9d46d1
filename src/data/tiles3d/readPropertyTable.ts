import type { GltfJson } from './glbWriter.ts';

/** One decoded property table row: property name → number, string, or enum name. */
export type PropertyRow = Record<string, number | string>;

interface ClassProperty {
  type: string;
  componentType?: string;
  enumType?: string;
  array?: boolean;
}

interface TableProperty {
  values: number;
  stringOffsets?: number;
  stringOffsetType?: string;
}

interface StructuralMetadata {
  schema?: {
    classes?: Record<string, { properties?: Record<string, ClassProperty> }>;
    enums?: Record<string, { valueType?: string; values: Array<{ name: string; value: number }> }>;
  };
  propertyTables?: Array<{ class: string; count: number; properties?: Record<string, TableProperty> }>;
}

const COMPONENT_BYTES: Record<string, number> = {
  INT8: 1,
  UINT8: 1,
  INT16: 2,
  UINT16: 2,
  INT32: 4,
  UINT32: 4,
  INT64: 8,
  UINT64: 8,
  FLOAT32: 4,
  FLOAT64: 8,
};

/**
 * Decodes an EXT_structural_metadata property table of a glTF (JSON document + its BIN buffer,
 * see readGlb) into one object per row, so row `featureId` describes the feature whose
 * `_FEATURE_ID_0` vertices carry that id. Supports non-array SCALAR, STRING and ENUM properties
 * (what the building tiles use; 64-bit integers come back as Number). Pure: runs in a worker.
 * Throws Error on a table or property kind it does not decode.
 */
export function readPropertyTable(json: GltfJson, bin: Uint8Array, tableIndex = 0): PropertyRow[] {
  const metadata = json.extensions?.EXT_structural_metadata as StructuralMetadata | undefined;
  const table = metadata?.propertyTables?.[tableIndex];
  const schemaClass = table === undefined ? undefined : metadata?.schema?.classes?.[table.class];
  if (table === undefined || schemaClass === undefined) {
    throw new Error(`glTF has no EXT_structural_metadata property table ${tableIndex}`);
  }
  const rows: PropertyRow[] = Array.from({ length: table.count }, () => ({}));
  const view = (index: number) => {
    const bufferView = json.bufferViews?.[index];
    if (bufferView === undefined) throw new Error(`missing bufferView ${index}`);
    return new DataView(bin.buffer, bin.byteOffset + (bufferView.byteOffset ?? 0), bufferView.byteLength);
  };
  for (const [name, property] of Object.entries(table.properties ?? {})) {
    const classProperty = schemaClass.properties?.[name];
    if (classProperty === undefined || classProperty.array === true) {
      throw new Error(`property ${name}: not in the schema class, or an array (not decoded)`);
    }
    const values = view(property.values);
    if (classProperty.type === 'STRING') {
      if (property.stringOffsets === undefined)
        throw new Error(`property ${name}: STRING without stringOffsets`);
      const offsets = view(property.stringOffsets);
      const offsetType = property.stringOffsetType ?? 'UINT32';
      const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      const decoder = new TextDecoder();
      for (let row = 0; row < table.count; row++) {
        const start = readComponent(offsets, row, offsetType);
        const end = readComponent(offsets, row + 1, offsetType);
        rows[row]![name] = decoder.decode(bytes.subarray(start, end));
      }
    } else if (classProperty.type === 'ENUM') {
      const enumDef =
        classProperty.enumType === undefined ? undefined : metadata?.schema?.enums?.[classProperty.enumType];
      if (enumDef === undefined) throw new Error(`property ${name}: unknown enumType`);
      const names = new Map(enumDef.values.map((v) => [v.value, v.name]));
      for (let row = 0; row < table.count; row++) {
        const code = readComponent(values, row, enumDef.valueType ?? 'UINT16');
        rows[row]![name] = names.get(code) ?? code;
      }
    } else if (classProperty.type === 'SCALAR' && classProperty.componentType !== undefined) {
      for (let row = 0; row < table.count; row++)
        rows[row]![name] = readComponent(values, row, classProperty.componentType);
    } else {
      throw new Error(`property ${name}: type ${classProperty.type} is not decoded`);
    }
  }
  return rows;
}

function readComponent(view: DataView, index: number, componentType: string): number {
  const offset = index * (COMPONENT_BYTES[componentType] ?? 0);
  switch (componentType) {
    case 'INT8':
      return view.getInt8(offset);
    case 'UINT8':
      return view.getUint8(offset);
    case 'INT16':
      return view.getInt16(offset, true);
    case 'UINT16':
      return view.getUint16(offset, true);
    case 'INT32':
      return view.getInt32(offset, true);
    case 'UINT32':
      return view.getUint32(offset, true);
    case 'INT64':
      return Number(view.getBigInt64(offset, true));
    case 'UINT64':
      return Number(view.getBigUint64(offset, true));
    case 'FLOAT32':
      return view.getFloat32(offset, true);
    case 'FLOAT64':
      return view.getFloat64(offset, true);
    default:
      throw new Error(`unknown component type ${componentType}`);
  }
}
