import { registry } from "@web/core/registry";

// An accident repair typed into the real forms by the claims clerk (demo login `insurance`):
// the case, the vehicle received and checked in, the estimate, the insurer's assessment, the
// customer's approval, the repair started, a supplement assessed and approved.

const PLATE = "辽BG8465";

const clickButton = (name, content, scope = ".o_form_view") => ({
    content,
    trigger: `${scope} .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

const caseState = (label) => ({
    content: `The case is ${label}`,
    trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
});

const pickMany2one = (field, text, item, scope = ".o_form_view") => [
    {
        content: `Type ${text} in ${field}`,
        trigger: `${scope} .o_field_widget[name='${field}'] input`,
        run: `edit ${text}`,
    },
    {
        content: `Pick ${item}`,
        trigger: `.o-autocomplete--dropdown-menu .ui-menu-item > a:contains('${item}')`,
        run: "click",
    },
];

const edit = (field, value, content, scope = ".o_form_view") => ({
    content,
    trigger: `${scope} .o_field_widget[name='${field}'] input, ${scope} .o_field_widget[name='${field}'] textarea`,
    run: `edit ${value}`,
});

const openTab = (name) => ({
    content: `Open the ${name} tab`,
    trigger: `.o_notebook_headers a[name='${name}']`,
    run: "click",
});

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

const statButton = (name, content) => ({
    content,
    trigger: `button[name='${name}']:visible`,
    run: "click",
});

const lineRow = (index) => `.o_field_widget[name='line_ids'] .o_data_row:nth-child(${index}).o_selected_row`;

const pickSelection = (index, field, label) => [
    {
        content: `Open the ${field} of line ${index}`,
        trigger: `${lineRow(index)} .o_field_widget[name='${field}'] input`,
        run: "click",
    },
    {
        content: `Choose ${label}`,
        trigger: `.o_select_menu_item:contains('${label}')`,
        run: "click",
    },
];

// a line of the order that the insurer pays
const insurerLine = (index, steps) => [
    {
        content: `Add line ${index}`,
        trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
        run: "click",
    },
    ...steps,
    ...pickSelection(index, "payer", "Insurer"),
];

const sign = (field) => [
    {
        content: `Sign ${field}`,
        trigger: `.o_field_widget[name='${field}'] .o_signature`,
        run: "click",
    },
    {
        content: "Adopt the signature drawn from the name",
        trigger: ".modal .modal-footer button.btn-primary:contains('Adopt & Sign'):enabled",
        run: "click",
    },
    {
        content: "The signature is on the form",
        trigger: `body:not(:has(.modal)) .o_field_widget[name='${field}'] img.o_signature`,
    },
];

// the insurer's answer to an estimate of the case: typed into its dialog, recorded and approved
// with the buttons of its row
const roundRow = (row) => `.o_field_widget[name='assessment_ids'] .o_data_row:has(td[name='name']:contains('${row}'))`;
const assessRound = (row, answerSteps) => [
    openTab("assessments"),
    {
        content: `Open ${row}`,
        trigger: `${roundRow(row)} td[name='name']`,
        run: "click",
    },
    ...answerSteps,
    {
        content: "Keep the insurer's answer",
        trigger: ".modal .modal-footer .o_form_button_save",
        run: "click",
    },
    {
        content: "Record the insurer's assessment",
        trigger: `body:not(:has(.modal)) ${roundRow(row)} button[name='action_assess']`,
        run: "click",
    },
    {
        content: "The insurer approved it",
        trigger: `${roundRow(row)} button[name='action_approve']`,
        run: "click",
    },
    {
        content: "Approved",
        trigger: `${roundRow(row)} td[name='state']:contains('Approved')`,
    },
];

registry.category("web_tour.tours").add("dealer_insurance_accident_tour", {
    steps: () => [
        // the case: the insurer's report and the vehicle
        ...pickMany2one("insurer_id", "PICC", "中国人民财产保险 PICC"),
        edit("report_number", "RDAA2026210200007777", "The insurer's report number"),
        edit("accident_place", "大连市沙河口区西安路", "Where it happened"),
        ...pickMany2one("vehicle_id", PLATE, PLATE),
        {
            content: "The vehicle's owner is the customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input:not(:value(''))",
        },
        ...save,
        clickButton("action_create_repair_order", "Receive the vehicle"),
        // the repair order: walk-around check, check-in, the damage as insurer lines
        {
            content: "The repair order of the case opens",
            trigger: ".o_form_view .o_field_widget[name='mileage'] input",
            run: "edit 45210",
        },
        {
            content: "Fuel at one half",
            trigger: ".o_field_widget[name='fuel_level'] input[data-value='half']",
            run: "click",
        },
        {
            content: "Covers fitted",
            trigger: ".o_field_widget[name='covers_fitted'] input",
            run: "click",
        },
        {
            content: "Valuables reminder given",
            trigger: ".o_field_widget[name='valuables_reminded'] input",
            run: "click",
        },
        {
            content: "The customer leaves the old parts",
            trigger: ".o_field_widget[name='old_part_choice'] input[data-value='leave']",
            run: "click",
        },
        edit("customer_complaint", "追尾，前保险杠破损", "The customer's account"),
        clickButton("action_check_in", "Check the vehicle in"),
        caseState("Checked In"),
        openTab("lines"),
        ...insurerLine(1, pickMany2one("labour_operation_id", "Front bumper repair", "Front bumper repair", lineRow(1))),
        ...insurerLine(2, pickMany2one("labour_operation_id", "Bumper repaint", "Bumper repaint", lineRow(2))),
        ...save,
        // the estimate to the insurer, its assessment as a total
        statButton("action_view_dealer_insurance_case", "Open the accident case"),
        clickButton("action_send_estimate", "Send the estimate to the insurer"),
        caseState("Estimate Sent"),
        {
            content: "The estimate and the assessment include VAT",
            trigger: ".o_form_view .o_horizontal_separator:contains('incl. VAT')",
        },
        ...assessRound("Estimate", [edit("amount_assessed_total", "1100", "The insurer assessed 1,100", ".modal")]),
        caseState("Approved"),
        // the customer approves, the repair starts
        statButton("action_view_repair_order", "Back to the repair order"),
        openTab("reception"),
        edit("diagnosis_signed_by", "陈明", "Who signs the diagnosis sheet"),
        edit("work_order_signed_by", "陈明", "Who signs the work order"),
        ...save,
        ...sign("diagnosis_signature"),
        ...sign("work_order_signature"),
        ...save,
        clickButton("action_approve", "The customer approved the work order"),
        caseState("Approved"),
        clickButton("action_start_repair", "Start the repair"),
        caseState("In Progress"),
        // a dented door found in the workshop: a supplement for the insurer
        openTab("lines"),
        ...insurerLine(3, pickMany2one("labour_operation_id", "Door panel dent", "Door panel dent repair", lineRow(3))),
        ...save,
        {
            content: "The customer agrees on the phone",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Door panel dent') button[name='action_approve_by_phone']",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Door panel dent') .o_field_widget[name='approval_state']:contains('Approved')",
        },
        statButton("action_view_dealer_insurance_case", "Open the accident case"),
        clickButton("action_send_estimate", "Send the supplement to the insurer"),
        caseState("Supplement Pending"),
        ...assessRound("Supplement 1", [
            {
                content: "Assessed per line",
                trigger: ".modal .o_field_widget[name='assessment_mode'] input[data-value='line']",
                run: "click",
            },
            {
                content: "Edit the door's line",
                trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row td[name='dealer_assessed_amount']",
                run: "click",
            },
            edit("dealer_assessed_amount", "300", "The insurer assessed 300 for the door", ".modal .o_data_row.o_selected_row"),
        ]),
        caseState("Approved"),
    ],
});

// at settlement: the customer signs the direct-payment authorisation, the clerk makes the invoices
registry.category("web_tour.tours").add("dealer_insurance_settlement_tour", {
    steps: () => [
        openTab("signatures"),
        edit("authorisation_signed_by", "陈明", "Who signs the authorisation"),
        ...save,
        ...sign("authorisation_signature"),
        ...save,
        statButton("action_view_repair_order", "Open the repair order"),
        clickButton("action_create_invoices", "Create the invoices"),
        {
            content: "Two invoices: the insurer's and the customer's",
            trigger: ".o_list_view .o_data_row:nth-child(2):contains('Posted')",
        },
        {
            content: "The insurer's invoice totals its assessments, VAT included",
            trigger: ".o_list_view .o_data_row:contains('PICC'):contains('1,400.00')",
        },
    ],
});
