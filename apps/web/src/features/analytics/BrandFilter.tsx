import { Select } from "@mantine/core";

type Props = { brand: string | null; brands: string[]; onChange: (brand: string | null) => void };

/** Narrows the page to one card brand (the authentications; payments' money by that brand's rows). */
export function BrandFilter({ brand, brands, onChange }: Props) {
  const options = [...new Set([...(brand ? [brand] : []), ...brands.filter((b) => b.trim() !== "")])];
  return (
    <Select
      label="Card brand"
      placeholder="All brands"
      data={options}
      value={brand}
      onChange={onChange}
      clearable
      searchable
      w={200}
      data-testid="brand-filter"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
