import { registry } from "@web/core/registry";

// The warranty clerk's day: a claim from a delivered order, the old part's label, the
// shipment batch back to the OEM, the claim submitted.

const clickButton = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

const pickMany2one = (field, text, item) => [
    {
        content: `Type ${text} in ${field}`,
        trigger: `.o_form_view .o_field_widget[name='${field}'] input`,
        run: `edit ${text}`,
    },
    {
        content: `Pick ${item}`,
        trigger: `.o-autocomplete--dropdown-menu .ui-menu-item > a:contains('${item}')`,
        run: "click",
    },
];

const save = [
    {
        content: "Save",
        trigger: ".o_form_view .o_form_button_save",
        run: "click",
    },
    {
        content: "Saved",
        trigger: ".o_form_view .o_form_saved",
    },
];

registry.category("web_tour.tours").add("dealer_warranty_claim_tour", {
    steps: () => [
        {
            content: "Open the delivered order of 辽BA7255 among the orders to claim",
            trigger: ".o_list_view .o_data_row td:contains('辽BA7255')",
            run: "click",
        },
        {
            content: "Its warranty lines are inside the warranty",
            trigger: ".o_form_view .o_field_widget[name='dealer_warranty_status']:contains('Inside Warranty')",
        },
        clickButton("action_create_warranty_claims", "Make the warranty claim"),
        {
            content: "The claim is a draft, with the order's warranty lines",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        {
            content: "Open the fault tab",
            trigger: ".o_notebook_headers a[name='fault']",
            run: "click",
        },
        {
            content: "The OEM's fault code",
            trigger: ".o_form_view .o_field_widget[name='fault_code'] input",
            run: "edit C1234",
        },
        {
            content: "The cause the technician found",
            trigger: ".o_form_view .o_field_widget[name='cause'] textarea",
            run: "edit 刹车盘变形导致制动抖动",
        },
        ...save,
        {
            content: "Open the old parts of the claim",
            trigger: ".o_form_view button[name='action_view_old_parts']",
            run: "click",
        },
        {
            content: "Open the old brake disc's tag",
            trigger: ".o_list_view .o_data_row td:contains('Front brake disc')",
            run: "click",
        },
        {
            content: "The tag carries the claim's fault",
            trigger: ".o_form_view .o_field_widget[name='fault']:contains('C1234')",
        },
        clickButton("action_print_label", "Print the label with its QR code"),
    ],
});

registry.category("web_tour.tours").add("dealer_warranty_shipment_tour", {
    steps: () => [
        ...pickMany2one("partner_id", "奇瑞", "奇瑞汽车"),
        ...pickMany2one("carrier_id", "顺丰", "顺丰速运"),
        {
            content: "The waybill number",
            trigger: ".o_form_view .o_field_widget[name='waybill'] input",
            run: "edit SF2026112301",
        },
        {
            content: "Add an old part",
            trigger: ".o_field_widget[name='old_part_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Pick the brake disc of 辽BA7255 (its VIN)",
            trigger: ".modal .o_list_view .o_data_row:contains('LVVVG5P43NB000292') td.o_data_cell",
            run: "click",
        },
        {
            content: "The brake disc is in the batch",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='old_part_ids'] .o_data_row td:contains('Front brake disc')",
        },
        ...save,
    ],
});

registry.category("web_tour.tours").add("dealer_warranty_submit_tour", {
    steps: () => [
        clickButton("action_submit", "Submit the claim to the OEM"),
        {
            content: "The claim is with the OEM",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Submitted')",
        },
    ],
});
