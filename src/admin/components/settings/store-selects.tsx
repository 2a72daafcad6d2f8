import { Select } from "@medusajs/ui"
import { useRegions, useSalesChannels } from "../../hooks/medusa"

type Props = { id?: string; value: string; onChange: (id: string) => void; testId: string }
type Option = { value: string; label: string }

const OptionSelect = ({ id, value, onChange, testId, placeholder, options }: Props & { placeholder: string; options: Option[] }) => (
  <Select value={value} onValueChange={onChange}>
    <Select.Trigger id={id} data-testid={testId}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((o) => (
        <Select.Item key={o.value} value={o.value}>
          {o.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/** The store's regions, with their currency: where a WhatsApp number's carts take prices and payment providers from. */
export const RegionSelect = (props: Props) => {
  const regions = useRegions()
  const options = (regions.data?.regions ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.currency_code.toUpperCase()})` }))
  return <OptionSelect {...props} placeholder="Choose a region" options={options} />
}

/** The store's sales channels: which products and stock a WhatsApp number sells. */
export const SalesChannelSelect = (props: Props) => {
  const channels = useSalesChannels()
  const options = (channels.data?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name }))
  return <OptionSelect {...props} placeholder="Choose a sales channel" options={options} />
}
