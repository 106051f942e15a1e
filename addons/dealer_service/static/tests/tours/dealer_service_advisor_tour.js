import { registry } from "@web/core/registry";

// The service day in the demo store, typed into the real forms by the real roles:
// the advisor receives the vehicle, the technician clocks on and off and self-checks,
// the QC inspector fails then passes the final inspection, the advisor delivers.

const currentState = (label) => ({
    content: `The order is ${label}`,
    trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
});

const clickButton = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

const openTab = (name) => ({
    content: `Open the ${name} tab`,
    trigger: `.o_notebook_headers a[name='${name}']`,
    run: "click",
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

const sign = (field) => [
    {
        content: `The customer signs ${field}`,
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

// the check level offered to the signer (editable or read-only)
const checkLevel = (label) => ({
    content: `The check is a ${label}`,
    trigger: `.modal .o_field_widget[name='level'] input:value('${label}'), .modal .o_field_widget[name='level'] span:contains('${label}')`,
});

const addLine = (content) => ({
    content,
    trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
    run: "click",
});

// the n-th line, once it is the one being edited
const lineRow = (index) => `.o_field_widget[name='line_ids'] .o_data_row:nth-child(${index}).o_selected_row`;

// a selection of the n-th line, picked from its menu
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

// the brake pads found worn under warranty: a part line the brand's OEM pays
const warrantyLineSteps = () => [
    addLine("Add the part the OEM warranty pays"),
    ...pickSelection(3, "line_type", "Part"),
    ...pickMany2one("product_id", "Front brake pad", "Front brake pad set", lineRow(3)),
    ...pickSelection(3, "payer", "OEM Warranty"),
    {
        content: "The brand's OEM is the billed partner",
        trigger: `${lineRow(3)} .o_field_widget[name='payer_partner_id'] input:not(:value(''))`,
    },
];

// reception: a new order for a demo vehicle, the walk-around, the lines, the signatures
const receptionSteps = (extraLines = []) => [
    ...pickMany2one("vehicle_id", "辽BH1884", "辽BH1884"),
    {
        content: "The vehicle's customer is filled in",
        trigger: ".o_form_view .o_field_widget[name='partner_id'] input:not(:value(''))",
    },
    openTab("reception"),
    {
        content: "Mileage read on the dashboard",
        trigger: ".o_field_widget[name='mileage'] input",
        run: "edit 38456",
    },
    {
        content: "Fuel at one half",
        trigger: ".o_field_widget[name='fuel_level'] input[data-value='half']",
        run: "click",
    },
    {
        content: "Seat and floor covers fitted",
        trigger: ".o_field_widget[name='covers_fitted'] input",
        run: "click",
    },
    {
        content: "Customer reminded of valuables",
        trigger: ".o_field_widget[name='valuables_reminded'] input",
        run: "click",
    },
    {
        content: "The customer takes the old parts",
        trigger: ".o_field_widget[name='old_part_choice'] input[data-value='take']",
        run: "click",
    },
    {
        content: "The complaint in the customer's words",
        trigger: ".o_field_widget[name='customer_complaint'] textarea",
        run: "edit 保养到期，刹车有异响",
    },
    clickButton("action_check_in", "Check the vehicle in"),
    currentState("Checked In"),
    openTab("lines"),
    addLine("Add a labour line"),
    ...pickMany2one("labour_operation_id", "Engine oil and filter", "Engine oil and filter change", lineRow(1)),
    addLine("Add a part line"),
    ...pickSelection(2, "line_type", "Part"),
    ...pickMany2one("product_id", "Oil filter", "Oil filter", lineRow(2)),
    ...extraLines,
    openTab("reception"),
    {
        content: "Who signs the diagnosis sheet",
        trigger: ".o_field_widget[name='diagnosis_signed_by'] input",
        run: "edit Cao Hao",
    },
    {
        content: "Who signs the work order",
        trigger: ".o_field_widget[name='work_order_signed_by'] input",
        run: "edit Cao Hao",
    },
    // saved first, so that the signature dialog draws the signer's name
    ...save,
    ...sign("diagnosis_signature"),
    ...sign("work_order_signature"),
    ...save,
    clickButton("action_approve", "The customer approved the work order"),
    currentState("Approved"),
];

registry.category("web_tour.tours").add("dealer_service_advisor_added_work_tour", {
    steps: () => [
        ...receptionSteps(),
        // on the approved order the advisor types added work into the form
        openTab("lines"),
        addLine("Add the work found during the repair"),
        ...pickMany2one("labour_operation_id", "Wheel alignment", "Wheel alignment", lineRow(3)),
        ...save,
        {
            content: "The added work waits for the customer",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Wheel alignment') .o_field_widget[name='approval_state']:contains('Waiting for Customer')",
        },
    ],
});

registry.category("web_tour.tours").add("dealer_service_advisor_tour", {
    steps: () => [
        ...receptionSteps(warrantyLineSteps()),
        clickButton("action_dispatch_jobs", "Dispatch the jobs to the workshop"),
        {
            content: "Edit the dispatched job in the list",
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Engine oil and filter change')",
            run: "click",
        },
        ...pickMany2one("technician_id", "Wang Qiang", "Wang Qiang", ".o_list_view .o_data_row.o_selected_row"),
        {
            content: "Save the job",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The job is given to the technician",
            trigger: ".o_list_view .o_data_row:not(.o_selected_row) td[name='technician_id']:contains('Wang Qiang')",
        },
        {
            content: "Back to the order",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active):last a",
            run: "click",
        },
        currentState("Approved"),
    ],
});

// the advisor signs the order's parts requisition as the settlement clerk
registry.category("web_tour.tours").add("dealer_service_settlement_sign_tour", {
    steps: () => [
        {
            content: "Open the order's parts requisition",
            trigger: "button[name='action_view_pickings']",
            run: "click",
        },
        {
            content: "Open the requisition",
            trigger: ".o_list_view .o_data_row td[name='name']",
            run: "click",
        },
        {
            content: "Sign as the settlement clerk",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_dealer_sign_settlement']",
            run: "click",
        },
        {
            content: "Signed",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_dealer_sign_settlement']))",
        },
    ],
});

registry.category("web_tour.tours").add("dealer_service_technician_tour", {
    steps: () => [
        openTab("workshop"),
        {
            content: "Clock on the job",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row button[name='action_clock_on']",
            run: "click",
        },
        currentState("In Progress"),
        {
            content: "Clock off for the break",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row button[name='action_clock_off']",
            run: "click",
        },
        {
            content: "Clock on again after the break",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row button[name='action_clock_on']",
            run: "click",
        },
        {
            content: "The job is done",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row button[name='action_done']",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row td[name='state']:contains('Done')",
        },
        clickButton("action_new_quality_check", "Sign the self-check"),
        ...pickMany2one("job_id", "Engine oil", "Engine oil and filter change", ".modal"),
        checkLevel("Technician Self-Check"),
        {
            content: "Sign it",
            trigger: ".modal .modal-footer .o_form_button_save",
            run: "click",
        },
        {
            content: "Signed",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
    ],
});

registry.category("web_tour.tours").add("dealer_service_technician_rework_tour", {
    steps: () => [
        openTab("workshop"),
        {
            content: "Clock on the job sent back",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row button[name='action_clock_on']",
            run: "click",
        },
        {
            content: "The rework is done",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row button[name='action_done']",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_field_widget[name='job_ids'] .o_data_row td[name='state']:contains('Done')",
        },
    ],
});

registry.category("web_tour.tours").add("dealer_service_advisor_request_qc_tour", {
    steps: () => [
        clickButton("action_request_quality_check", "Send the vehicle to quality check"),
        currentState("Quality Check"),
    ],
});

const finalInspection = (result) => [
    clickButton("action_new_quality_check", "Sign the final inspection"),
    checkLevel("Final Inspection"),
    ...pickMany2one("job_id", "Engine oil", "Engine oil and filter change", ".modal"),
    {
        content: `The result is ${result}`,
        trigger: `.modal .o_field_widget[name='result'] input[data-value='${result}']`,
        run: "click",
    },
    {
        content: "What was checked",
        trigger: ".modal .o_field_widget[name='note'] textarea",
        run: result === "failed" ? "edit 机油滤清器渗油，重新紧固" : "edit 复检合格",
    },
    {
        content: "Sign it",
        trigger: ".modal .modal-footer .o_form_button_save",
        run: "click",
    },
    {
        content: "Signed",
        trigger: "body:not(:has(.modal)) .o_form_view",
    },
];

registry.category("web_tour.tours").add("dealer_service_qc_fail_tour", {
    steps: () => [
        currentState("Quality Check"),
        ...finalInspection("failed"),
        currentState("In Progress"),
    ],
});

registry.category("web_tour.tours").add("dealer_service_qc_pass_tour", {
    steps: () => [
        currentState("Quality Check"),
        ...finalInspection("passed"),
        openTab("quality"),
        {
            content: "The final inspection passed",
            trigger: ".o_field_widget[name='final_inspection_passed'] input:checked",
        },
    ],
});

registry.category("web_tour.tours").add("dealer_service_advisor_delivery_tour", {
    steps: () => [
        clickButton("action_mark_ready", "Ready for delivery"),
        currentState("Ready"),
        openTab("delivery"),
        ...["delivery_washed", "delivery_walkround", "delivery_charges_explained", "delivery_old_parts"].map(
            (name) => ({
                content: `Tick ${name}`,
                trigger: `.o_field_widget[name='${name}'] input`,
                run: "click",
            })
        ),
        clickButton("action_deliver", "Deliver the vehicle"),
        currentState("Delivered"),
    ],
});

// the advisor settles the order: one posted invoice per payer
registry.category("web_tour.tours").add("dealer_service_advisor_invoice_tour", {
    steps: () => [
        currentState("Delivered"),
        clickButton("action_create_invoices", "Create the invoices"),
        {
            content: "The customer's and the OEM's invoices are listed",
            trigger: ".o_list_view:has(.o_data_row:nth-child(2)):not(:has(.o_data_row:nth-child(3)))",
        },
        {
            content: "Back to the order",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active):last a",
            run: "click",
        },
        currentState("Invoiced"),
    ],
});
