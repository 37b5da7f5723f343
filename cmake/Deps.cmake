# Third-party code, all from Debian packages (scripts/setup.sh installs them):
#   nlohmann/json  header-only; em++ sees it through a folder holding only a link to it
#   Dear ImGui     the `imgui` source package, compiled here for both builds (target parley_imgui)
#   GoogleTest     /usr/src/googletest, compiled here for both builds
#   date, httplib, SQLite, GLFW, Google Benchmark   native only

# -- nlohmann/json --------------------------------------------------------------------------------------------
set(PARLEY_SYSINC "${CMAKE_BINARY_DIR}/sysinc")
if(NOT EXISTS "/usr/include/nlohmann/json.hpp")
  message(FATAL_ERROR "nlohmann/json is missing: run scripts/setup.sh")
endif()
file(MAKE_DIRECTORY "${PARLEY_SYSINC}")
file(CREATE_LINK "/usr/include/nlohmann" "${PARLEY_SYSINC}/nlohmann" SYMBOLIC)
add_library(parley_json INTERFACE)
target_include_directories(parley_json SYSTEM INTERFACE "${PARLEY_SYSINC}")

# -- Dear ImGui -----------------------------------------------------------------------------------------------
set(PARLEY_IMGUI_DIR "${PARLEY_DEPS_DIR}/imgui" CACHE PATH "Unpacked Debian imgui source package")
if(NOT EXISTS "${PARLEY_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${PARLEY_IMGUI_DIR}: run scripts/setup.sh")
endif()
add_library(parley_imgui STATIC
  ${PARLEY_IMGUI_DIR}/imgui.cpp ${PARLEY_IMGUI_DIR}/imgui_draw.cpp ${PARLEY_IMGUI_DIR}/imgui_tables.cpp
  ${PARLEY_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(parley_imgui SYSTEM PUBLIC ${PARLEY_IMGUI_DIR})
target_compile_definitions(parley_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

# The GLFW platform + OpenGL3 renderer backends, for both hosts (Emscripten provides GLFW itself).
add_library(parley_imgui_glfw STATIC
  ${PARLEY_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${PARLEY_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(parley_imgui_glfw SYSTEM PUBLIC ${PARLEY_IMGUI_DIR}/backends)
target_link_libraries(parley_imgui_glfw PUBLIC parley_imgui)
if(EMSCRIPTEN)
  target_compile_options(parley_imgui_glfw PUBLIC -sUSE_GLFW=3)
  target_link_options(parley_imgui_glfw PUBLIC -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
  find_package(OpenGL REQUIRED)
  target_link_libraries(parley_imgui_glfw PUBLIC PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})
endif()

# -- GoogleTest -----------------------------------------------------------------------------------------------
set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
if(EMSCRIPTEN)
  set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
endif()
add_subdirectory(/usr/src/googletest "${CMAKE_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL SYSTEM)

# -- The text font: DejaVu Sans from fonts-dejavu-core (Latin-1, the euro sign, narrow no-break space) ---------
set(PARLEY_FONT_FILE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "UI font")
if(NOT EXISTS "${PARLEY_FONT_FILE}")
  message(FATAL_ERROR "UI font ${PARLEY_FONT_FILE} not found: run scripts/setup.sh")
endif()
